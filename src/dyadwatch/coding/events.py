"""Event coding: find pattern triggers in a parsed sentence, read the source and target from
the dependency frame, and emit one Event per (source actor, target actor) pair.

The frame itself is read in coding/frames.py; compound actors ("Azerbaijan and Russia
signed") give both directions for symmetric patterns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyadwatch.coding.actors import MAX_SEARCH_DEPTH, DocActors, is_other
from dyadwatch.coding.discourse import (
    EventMemory,
    borrow_sides,
    is_definite_event_noun,
    is_historical_anchor,
    is_time_anchor,
    rebind_collective,
)
from dyadwatch.coding.frames import objects, slot_fillers, source_candidates
from dyadwatch.coding.modality import (
    FACTUAL,
    HISTORICAL,
    INTENDED,
    NEGATED,
    REPORTED,
    intent_code,
    is_claimed,
    is_disputed_content,
    is_historical,
    modality_of,
)
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
    borrowed: bool = False  # a side taken from an earlier event ("the talks")


@dataclass(frozen=True, slots=True)
class ArticleContext:
    doc_id: str
    date: str
    text: str  # the article's text, for the evidence sentence

    @property
    def published(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.date)
        except ValueError:
            return None


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
        self, sent: Span, sentence: Sentence, actors: DocActors, context: ArticleContext,
        memory: EventMemory | None = None,
    ) -> list[Event]:
        """Events of one parsed sentence; `sentence` holds its offsets from the parse stage,
        `memory` the article's earlier events (pass one per article, in reading order)."""
        evidence = Evidence(sentence.index, sentence.start, sentence.end,
                            context.text[sentence.start : sentence.end])
        memory = memory if memory is not None else EventMemory()
        events: dict[str, Event] = {}
        for frame in self.frames(sent, actors, memory, sentence.index):
            memory.remember(sentence.index, self._quad(frame.pattern), frame.source,
                            frame.target)
            for event in self._events(frame, evidence, context):
                events.setdefault(event.event_id, event)
        return list(events.values())

    # -- frames -------------------------------------------------------------------------------
    def frames(self, sent: Span, actors: DocActors, memory: EventMemory | None = None,
               sentence_index: int = 0) -> Iterator[Frame]:
        memory = memory if memory is not None else EventMemory()
        for token in sent:
            pos = _trigger_pos(token)
            if not pos:
                continue
            for pattern in self.patterns.candidates(pos, token.lemma_.lower()):
                frame = self._match(token, pattern, actors, memory, sentence_index)
                if frame is not None:
                    yield frame
                    break

    def _match(self, trigger: Token, pattern: Pattern, actors: DocActors,
               memory: EventMemory, sentence_index: int) -> Frame | None:
        if not _constraints_hold(trigger, pattern) or is_disputed_content(trigger):
            return None
        source = next(
            (m for m in map(actors.resolve, source_candidates(trigger, pattern)) if m), None
        )
        source = rebind_collective(source, memory, sentence_index)
        excluded = source.actors if source else ()
        # "The sides exchanged views with a focus on Syria": parties acting together take a
        # target only from the slot itself, never from deep inside it.
        together = source is not None and _acts_together(pattern, source)
        slot, target = _find_target(trigger, pattern, actors, excluded, shallow=together)
        target = rebind_collective(target, memory, sentence_index)
        if source is None and target is not None and _names_both_parties(pattern, slot, target):
            # "the meeting between X and Y": a symmetric nominal event with no named source.
            return Frame(trigger, pattern, target, None)
        if source is not None and target is not None and pattern.reverse:
            return Frame(trigger, pattern, target, source)
        if source is not None and (target is not None or _acts_together(pattern, source)):
            return Frame(trigger, pattern, source, target)
        if (pattern.pos == "NOUN" and is_definite_event_noun(trigger)
                and not is_time_anchor(trigger)):
            return self._borrowed(trigger, pattern, source, target, memory, sentence_index)
        return None

    def _borrowed(self, trigger: Token, pattern: Pattern, source: Mention | None,
                  target: Mention | None, memory: EventMemory,
                  sentence_index: int) -> Frame | None:
        """"The talks focused on Syria": the missing sides come from the earlier event this
        definite noun refers to."""
        earlier = memory.antecedent(sentence_index, self._quad(pattern))
        sides = borrow_sides(earlier, source, target) if earlier is not None else None
        if sides is None:
            return None
        return Frame(trigger, pattern, sides[0], sides[1], borrowed=True)

    def _quad(self, pattern: Pattern) -> int:
        return self.codebook.get(pattern.code).quad_class

    # -- events ---------------------------------------------------------------------------------
    def _events(
        self, frame: Frame, evidence: Evidence, context: ArticleContext
    ) -> Iterator[Event]:
        modality = _modality(frame, context.published)
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
                trigger=frame.trigger.text, plover=entry.plover,
                plover_mode=entry.plover_mode,
                role=MEDIATOR if is_mediation(code) else "",
            )

    def _code_for(self, pattern: Pattern, modality: str) -> tuple[str, str]:
        if modality == NEGATED and pattern.negated_code:
            return pattern.negated_code, ""
        if modality == INTENDED:
            planned = intent_code(pattern.code)
            if planned != pattern.code and planned in self.codebook:
                return planned, pattern.code
        return pattern.code, ""


def _modality(frame: Frame, published: dt.date | None) -> str:
    modality = modality_of(frame.trigger) if frame.pattern.pos == "VERB" else FACTUAL
    if modality != FACTUAL:
        return modality
    if is_claimed(frame.trigger):
        return REPORTED
    return HISTORICAL if is_historical(frame.trigger, published) else FACTUAL


def _trigger_pos(token: Token) -> str:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "oprd"):
        return "ADJ"
    if token.pos_ == "NOUN" and token.dep_ in NOMINAL_ARGUMENT_DEPS:
        return "" if is_historical_anchor(token) else "NOUN"
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
    trigger: Token, pattern: Pattern, actors: DocActors, excluded: tuple[Actor, ...], *,
    shallow: bool = False,
) -> tuple[str, Mention | None]:
    """The first slot that holds an actor, and that actor's mention; `shallow` looks only at
    the slot's phrase and its modifiers."""
    for slot in pattern.target:
        plain_object = slot in ("dobj", "dative") and not pattern.objects
        depth = PLAIN_OBJECT_DEPTH if plain_object else MAX_SEARCH_DEPTH
        depth = 1 if shallow else depth
        for head in slot_fillers(trigger, slot):
            direct = actors.resolve(head, lenient=True)
            if direct is not None and any(is_other(a, excluded) for a in direct.actors):
                return slot, direct
            found = actors.search(head, excluded, max_depth=depth)
            if found is not None:
                return slot, found
    if is_mediation(pattern.code):
        return _dispute_parties(trigger, actors, excluded)
    if pattern.code[:2] in PLACE_TARGET_ROOTS:
        return _place_target(trigger, actors, excluded)
    return "", None


MEDIATOR = "mediator"


def is_mediation(code: str) -> bool:
    return code.startswith("045")


# Nouns naming what a mediator mediates: its parties are the mediation's targets.
DISPUTE_NOUNS = frozenset({"conflict", "war", "dispute", "crisis", "fighting", "standoff",
                           "ceasefire", "truce", "settlement", "feud", "row", "hostility",
                           "clash", "confrontation", "tension"})


def _dispute_parties(
    trigger: Token, actors: DocActors, excluded: tuple[Actor, ...]
) -> tuple[str, Mention | None]:
    """"The ceasefire in the conflict over Karabakh was restored after Moscow's mediation":
    a mediation that names no parties mediates the dispute its sentence names."""
    for token in trigger.sent:
        if token.lemma_.lower() in DISPUTE_NOUNS and token.pos_ == "NOUN":
            found = actors.search(token, excluded, max_depth=3)
            if found is not None:
                return f"dispute:{token.lemma_.lower()}", found
    return "", None


# Military actions that name only a place hit the place's country ("strikes in Idlib").
PLACE_TARGET_ROOTS = frozenset({"18", "19", "20"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "on", "near", "over", "across", "around", "off",
                                   "outside", "inside", "into", "at"})
PLACE_RULES = frozenset({"name:name", "name:territory", "name:capital", "name:city"})


def _place_target(
    trigger: Token, actors: DocActors, excluded: tuple[Actor, ...]
) -> tuple[str, Mention | None]:
    holders = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass"))]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPOSITIONS:
                continue
            for place in (p for p in prep.children if p.dep_ == "pobj"):
                found = actors.search(place, excluded, max_depth=2)
                if found is not None and found.rule in PLACE_RULES:
                    return f"place:{prep.lower_}", found
    return "", None


def _acts_together(pattern: Pattern, source: Mention) -> bool:
    """"Azerbaijan and Russia signed": a compound source of a symmetric pattern."""
    return pattern.symmetric and len(source.actors) >= 2


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
                  "collective": 0.75, "collective-event": 0.8}
    source = resolution.get(frame.source.rule, 0.7)
    target = resolution.get(frame.target.rule, 0.7) if frame.target else source
    borrowed = BORROWED_FACTOR if frame.borrowed else 1.0
    return round(frame.pattern.weight * min(source, target) * borrowed, 2)


# A side taken from an earlier event is less certain than one named in the sentence.
BORROWED_FACTOR = 0.8
