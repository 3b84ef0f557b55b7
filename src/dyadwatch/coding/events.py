"""Event coding: find pattern triggers in a parsed sentence, read the source and target from
the dependency frame, and emit one Event per (source actor, target actor) pair.

Frames handled: active ("X signed Y with Z"), passive ("Z was attacked by X"), control
("X plans to visit Y", "X urged Y to ..."), conjoined verbs sharing a subject, relative clauses,
compound actors ("Azerbaijan and Russia signed" → both directions for symmetric patterns),
nominal triggers with possessive or adjective sources ("Moscow's mediation")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyadwatch.coding.actors import MAX_SEARCH_DEPTH, DocActors
from dyadwatch.coding.modality import INTENDED, NEGATED, intent_code, modality_of
from dyadwatch.dictionaries.codebook import Codebook
from dyadwatch.dictionaries.patterns import Pattern, PatternIndex
from dyadwatch.model import Actor, Event, Mention, stable_id
from dyadwatch.nlp.parse import sentence_bounds

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
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


class EventCoder:
    """Turns frames into Events, with codebook values, modality and confidence."""

    def __init__(self, patterns: PatternIndex, codebook: Codebook) -> None:
        self.patterns = patterns
        self.codebook = codebook

    def code_sentence(
        self, sent: Span, index: int, actors: DocActors, context: ArticleContext
    ) -> list[Event]:
        events: dict[str, Event] = {}
        for frame in self.frames(sent, actors):
            for event in self._events(frame, sent, index, context):
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
        source_token = _source_token(trigger, pattern)
        source = actors.resolve(source_token) if source_token is not None else None
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
        self, frame: Frame, sent: Span, index: int, context: ArticleContext
    ) -> Iterator[Event]:
        modality = modality_of(frame.trigger) if frame.pattern.pos == "VERB" else "factual"
        start, end = sentence_bounds(sent)
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
                quad_class=entry.quad_class, modality=modality, sentence_index=index,
                sentence=sent.doc.text[start:end], char_start=start, char_end=end,
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
        objects = _objects(trigger, pattern)
        return any(o.lemma_.lower() in pattern.objects or o.lower_ in pattern.objects
                   for o in objects)
    return True


def _objects(trigger: Token, pattern: Pattern) -> list[Token]:
    """Direct objects, or the passive subject ("a plan was signed"), with their conjuncts; for
    an intransitive verb, the object of its first prepositional slot ("participate in projects")."""
    heads = [c for c in trigger.children if c.dep_ in ("dobj", *PASSIVE_SUBJECT_DEPS)]
    if not heads:
        first_prep = next((s for s in pattern.target if s.startswith("prep:")), None)
        heads = _slot_tokens(trigger, first_prep) if first_prep else []
    return [o for h in heads for o in (h, *h.conjuncts)]


def _is_passive(trigger: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in trigger.children)


def _source_token(trigger: Token, pattern: Pattern) -> Token | None:
    if pattern.pos == "NOUN":
        return _nominal_source(trigger)
    if pattern.pos == "ADJ":
        return _child(trigger.head, SUBJECT_DEPS)
    if _is_passive(trigger):
        agent = _child(trigger, ("agent",))
        return _child(agent, ("pobj",)) if agent is not None else None
    return _verbal_subject(trigger)


def _verbal_subject(verb: Token, depth: int = 0) -> Token | None:
    subject = _child(verb, SUBJECT_DEPS)
    if subject is not None or depth > 3 or verb.head is verb:
        return subject
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG")):
        # "countries that signed", and reduced clauses: "companies invested in X".
        return verb.head
    if verb.dep_ == "xcomp":
        controller = _child(verb.head, ("dobj",))
        return controller if controller is not None else _verbal_subject(verb.head, depth + 1)
    if verb.dep_ in ("conj", "advcl", "ccomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _verbal_subject(verb.head, depth + 1)
    return None


def _nominal_source(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.pos_ != "NOUN"):
            return child
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    return _child(by, ("pobj",)) if by is not None else None


def _child(token: Token | None, deps: tuple[str, ...]) -> Token | None:
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ in deps), None)


def _slot_tokens(trigger: Token, slot: str) -> list[Token]:
    """The phrase heads that fill a target slot of the trigger."""
    if slot == "dobj":
        deps = PASSIVE_SUBJECT_DEPS if _is_passive(trigger) else ("dobj",)
        return [c for c in trigger.children if c.dep_ in deps]
    if slot == "dative":
        return [c for c in trigger.children if c.dep_ in ("dative", "iobj")]
    if slot in ("xcomp", "ccomp"):
        return [c for c in trigger.children if c.dep_ == slot]
    if slot == "any":
        return [c for c in trigger.children if c.dep_ not in (*SUBJECT_DEPS, "agent", "punct")]
    word = slot.split(":", 1)[1]
    holders = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "attr", "acomp"))]
    if trigger.dep_ in ("acomp", "oprd"):
        holders.append(trigger.head)  # "X is optimistic | on Y": the copula holds the preposition
    preps = [c for h in holders for c in h.children if c.dep_ in ("prep", "agent", "dative")
             and c.lower_ == word]
    return [p for prep in preps for p in prep.children if p.dep_ in ("pobj", "pcomp")]


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
        for head in _slot_tokens(trigger, slot):
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
