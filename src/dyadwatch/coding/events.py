"""Event coding: find pattern triggers in a parsed sentence, read the source and target from
the dependency frame, and emit one Event per (source actor, target actor) pair.

The frame itself is read in coding/frames.py; compound actors ("Azerbaijan and Russia
signed") give both directions for symmetric patterns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from dyadwatch.coding.actors import DocActors
from dyadwatch.coding.brokered import brokered_acts
from dyadwatch.coding.discourse import (
    EventMemory,
    borrow_sides,
    collective_from_memory,
    is_definite_event_noun,
    is_possessed,
    is_time_anchor,
    kind_of,
    rebind_collective,
)
from dyadwatch.coding.findings import findings
from dyadwatch.coding.frames import source_candidates
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
    is_requested,
    modality_of,
)
from dyadwatch.coding.one_sided import (
    ONE_SIDED_FACTOR,
    crowd_of_the_place,
    is_one_sided,
    one_sided_sides,
    protest_at_home,
)
from dyadwatch.coding.phrases import counted_group, is_other
from dyadwatch.coding.refine import specific_codes
from dyadwatch.coding.statements import DESCRIBING_VERBS, HOPED, statement_acts
from dyadwatch.coding.targets import MEDIATOR, find_target, is_mediation
from dyadwatch.coding.triggers import (
    RELATION_NOUNS,
    constraints_hold,
    object_of_coded_verb,
    trigger_pos,
)
from dyadwatch.dictionaries.codebook import Codebook
from dyadwatch.dictionaries.patterns import Pattern, PatternIndex
from dyadwatch.model import Actor, Event, Mention, Sentence, stable_id

Annotate = Callable[[Event, Token], Event]


@dataclass(frozen=True, slots=True)
class Frame:
    """What one trigger matched: the pattern, and the source and target phrases."""

    trigger: Token
    pattern: Pattern
    source: Mention
    target: Mention | None
    borrowed: bool = False  # a side taken from an earlier event ("the talks")
    slot: str = ""  # where the target was found ("place:in" for a place of action)
    one_sided: bool = False  # one side has no country in the text (coding/one_sided.py)


@dataclass(frozen=True, slots=True)
class ArticleContext:
    doc_id: str
    date: str
    text: str  # the article's text, for the evidence sentence
    published: dt.date | None = None  # for telling recaps from news


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
        memory: EventMemory | None = None, annotate: Annotate | None = None,
    ) -> list[Event]:
        """Events of one parsed sentence; `sentence` holds its offsets from the parse stage,
        `memory` the article's earlier events (pass one per article, in reading order);
        `annotate` adds context to each event from its trigger (date, place, ...)."""
        evidence = Evidence(sentence.index, sentence.start, sentence.end,
                            context.text[sentence.start : sentence.end])
        memory = memory if memory is not None else EventMemory()
        events: dict[str, Event] = {}
        one_sided: list[Frame] = []
        full: list[Frame] = []
        for frame in self.frames(sent, actors, memory, sentence.index):
            if frame.one_sided:
                one_sided.append(frame)  # an unnamed side is no antecedent for "the talks"
                continue
            memory.remember(sentence.index, kind_of(frame.pattern.code), frame.source,
                            frame.target)
            full.append(frame)
        found = self._findings(full + one_sided, actors)
        for frame in _without_bare_refusals(full):
            self._add(events, frame, evidence, context, annotate)
        if not events:
            # Next to an event naming both sides, an unnamed side is most often one of its
            # parties ("Insurgents bombarded Aleppo, killing eight people"): one-sided frames
            # only make events in a sentence with no full one.
            for frame in one_sided:
                self._add(events, frame, evidence, context, annotate)
        for frame in found:
            self._add(events, frame, evidence, context, annotate)
        return list(events.values())

    @staticmethod
    def _findings(frames: list[Frame], actors: DocActors) -> list[Frame]:
        """"A UN inquiry found that Syrian forces bombed …": the finder accuses the doer."""
        blamed = [(f.trigger, f.pattern.code, f.source) for f in frames
                  if not any(is_one_sided(a) for a in f.source.actors)]
        return [Frame(f.trigger, f.pattern, f.source, f.target)
                for f in findings(blamed, actors)]

    def _add(self, events: dict[str, Event], frame: Frame, evidence: Evidence,
             context: ArticleContext, annotate: Annotate | None) -> None:
        for event in self._events(frame, evidence, context):
            if event.event_id not in events:
                events[event.event_id] = annotate(event, frame.trigger) if annotate else event

    # -- frames -------------------------------------------------------------------------------
    def frames(self, sent: Span, actors: DocActors, memory: EventMemory | None = None,
               sentence_index: int = 0) -> Iterator[Frame]:
        memory = memory if memory is not None else EventMemory()
        coded: set[int] = set()  # triggers that made an event
        for token in sent:
            hoped = False
            for act in statement_acts(token, actors):
                hoped = hoped or act.pattern is HOPED
                yield Frame(act.trigger, act.pattern, act.source, act.target)
            if hoped:
                continue  # "hopes that the Duma will adopt": the appeal, not also optimism
            for brokered in brokered_acts(token, actors):
                yield Frame(brokered.trigger, brokered.pattern, brokered.source,
                            brokered.target)
            pos = trigger_pos(token)
            if not pos or (pos == "NOUN" and object_of_coded_verb(token, coded)):
                continue
            frame = self._best_frame(token, pos, actors, memory, sentence_index)
            if frame is not None:
                coded.add(token.i)
                yield frame

    def _best_frame(self, token: Token, pos: str, actors: DocActors, memory: EventMemory,
                    sentence_index: int) -> Frame | None:
        """The first pattern whose frame names both sides; failing that, the first one-sided
        frame (one side only described)."""
        fallback = None
        for pattern in self._candidates(token, pos):
            frame = self._match(token, pattern, actors, memory, sentence_index)
            if frame is not None and not frame.one_sided:
                return frame
            fallback = fallback or frame
        return fallback

    def _candidates(self, token: Token, pos: str) -> list[Pattern]:
        """Patterns for the token; a participle the parser tags as a verb after a copula ("is
        worried over") is tried as the adjective first."""
        found = list(self.patterns.candidates(pos, token.lemma_.lower()))
        if pos == "VERB" and token.dep_ == "acomp" and token.tag_ == "VBN":
            found = [*self.patterns.candidates("ADJ", token.lower_), *found]
        return found

    def _match(self, trigger: Token, pattern: Pattern, actors: DocActors,
               memory: EventMemory, sentence_index: int) -> Frame | None:
        if not constraints_hold(trigger, pattern) or is_disputed_content(trigger):
            return None
        if is_requested(trigger):
            return None  # "urged Russia to withdraw": the appeal is the event, not the withdrawal
        source = self._source(trigger, pattern, actors, memory, sentence_index)
        if source is not None and _migrates(pattern, source):
            return None  # "refugees travelling through the Balkans to reach the EU"
        excluded = source.actors if source else ()
        # "The sides exchanged views with a focus on Syria": parties acting together take a
        # target only from the slot itself, never from deep inside it.
        together = source is not None and _acts_together(pattern, source)
        slot, target = find_target(trigger, pattern, actors, excluded, shallow=together,
                                   memory=memory, sentence=sentence_index)
        target = rebind_collective(target, memory, sentence_index)
        if target is not None and _is_audience(pattern, target):
            target = None
        if (source is None and target is not None
                and _names_both_parties(pattern, slot, target, trigger)):
            # "the meeting between X and Y": a symmetric nominal event with no named source;
            # "offered to host talks between X and Y" only proposes it.
            return None if _proposed(trigger) else Frame(trigger, pattern, target, None)
        if source is None and target is not None:
            source = crowd_of_the_place(trigger, pattern, actors)
        if target is None:
            sides = protest_at_home(trigger, pattern, actors, source)
            if sides is not None:
                source, target = sides
        if source is not None and target is not None and pattern.reverse:
            return Frame(trigger, pattern, target, source)
        if source is not None and (target is not None or _acts_together(pattern, source)):
            return Frame(trigger, pattern, source, target, slot=slot)
        if (pattern.pos == "NOUN" and is_definite_event_noun(trigger)
                and not is_time_anchor(trigger)):
            return self._borrowed(trigger, pattern, source, target, memory, sentence_index)
        return _one_sided_frame(trigger, pattern, actors, source, target)

    @staticmethod
    def _source(trigger: Token, pattern: Pattern, actors: DocActors, memory: EventMemory,
                sentence_index: int) -> Mention | None:
        """The first source candidate that codes to an actor; a collective ("the sides")
        names the parties of the event just before."""
        candidates = list(source_candidates(trigger, pattern))
        source = next((m for m in (_resolve_source(actors, c) for c in candidates) if m), None)
        if source is None:
            source = next((collective_from_memory(c, memory, sentence_index)
                           for c in candidates if actors.is_collective(c)), None)
        return rebind_collective(source, memory, sentence_index)

    def _borrowed(self, trigger: Token, pattern: Pattern, source: Mention | None,
                  target: Mention | None, memory: EventMemory,
                  sentence_index: int) -> Frame | None:
        """"The talks focused on Syria": the missing sides come from the earlier event this
        definite noun refers to."""
        if _commented_on(trigger):
            return None  # "The trip has been widely seen as a chance": a comment, no new event
        named = source if source is not None else target
        involving = frozenset(a.country for a in named.actors) if named else frozenset()
        # "praised South Africa for its support": a possessed noun in the sentence of the
        # event it belongs to is that event's reason, not a reference back.
        earlier = memory.antecedent(sentence_index, kind_of(pattern.code), involving,
                                    earlier_sentences=is_possessed(trigger))
        sides = borrow_sides(earlier, source, target) if earlier is not None else None
        if sides is None:
            return None
        return Frame(trigger, pattern, sides[0], sides[1], borrowed=True)

    # -- events ---------------------------------------------------------------------------------
    def _events(
        self, frame: Frame, evidence: Evidence, context: ArticleContext
    ) -> Iterator[Event]:
        modality = _modality(frame, context.published)
        asked = self._asked_code(frame)
        for base in [asked] if asked else specific_codes(frame.trigger, frame.pattern,
                                                          frame.source, frame.target):
            yield from self._coded_as(frame, base, modality, evidence, context)

    def _coded_as(self, frame: Frame, base: str, modality: str, evidence: Evidence,
                  context: ArticleContext) -> Iterator[Event]:
        code, planned = self._code_for(frame.pattern, base, modality)
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

    def _asked_code(self, frame: Frame) -> str:
        """A general appeal (020), demand (100) or threat (130) made specific by what is asked
        or threatened: "urged Russia to withdraw" → 025 (appeal to yield), "demanded that Iran
        release" → 105, "threatened to shell" → 138."""
        pattern = frame.pattern
        if pattern.code not in ASKED_BY_ROOT:
            return ""
        for asked in frame.trigger.children:
            if asked.dep_ in ("xcomp", "ccomp") and asked.pos_ == "VERB":
                wanted = next((p for p in self.patterns.candidates("VERB", asked.lemma_.lower())
                               if constraints_hold(asked, p)), None)
                if wanted is not None:
                    specific = ASKED_BY_ROOT[pattern.code].get(wanted.code[:2], "")
                    return specific if specific in self.codebook else ""
        return ""

    def _code_for(self, pattern: Pattern, code: str, modality: str) -> tuple[str, str]:
        if modality == NEGATED and pattern.negated_code:
            return pattern.negated_code, ""
        if modality == NEGATED and code[:2] in REJECTION_BY_ROOT:
            # "did not support" is a rejection (conventions: a negation with a category of
            # its own is coded as that category).
            return REJECTION_BY_ROOT[code[:2]], ""
        if modality == INTENDED:
            planned = intent_code(code)
            if planned != code and planned in self.codebook:
                return planned, code
        return code, ""


# What an appeal (020) or demand (100) asks for, by the root of the asked act (CAMEO 02x/10x:
# material cooperation, diplomatic cooperation, aid, yielding, meeting, mediation).
ASKED_BY_ROOT = {
    "020": {"06": "021", "05": "022", "07": "023", "08": "025", "04": "026"},
    "100": {"06": "101", "05": "102", "07": "103", "08": "105", "04": "106"},
    # A threat (130) made specific by the threatened act: "threatened to shell" → 138.
    "130": {"19": "138", "20": "138", "18": "1383", "17": "137", "16": "131", "14": "133",
            "12": "131"},
}

# The rejection a negated cooperative act amounts to, by the act's root: material or military
# cooperation and aid refused (121), yielding refused (124).
REJECTION_BY_ROOT = {"01": "011", "05": "120", "06": "121", "07": "121", "08": "124"}

def _modality(frame: Frame, published: dt.date | None) -> str:
    modality = modality_of(frame.trigger) if frame.pattern.pos == "VERB" else FACTUAL
    if modality != FACTUAL:
        return modality
    if frame.pattern.code.startswith("03"):
        return INTENDED  # an expressed intent (CAMEO 03x) is itself an intention
    if is_claimed(frame.trigger):
        return REPORTED
    return HISTORICAL if is_historical(frame.trigger, published) else FACTUAL


# Verbs whose plain pattern codes a refusal of the act they govern ("refused to meet",
# "declined to comment"): when that act is coded itself, as its rejection, the plain refusal
# says the same thing less precisely.
REFUSING_VERBS = frozenset({"refuse", "decline"})


def _without_bare_refusals(frames: list[Frame]) -> list[Frame]:
    coded = {f.trigger.i for f in frames if f.pattern.code[:2] in REJECTION_BY_ROOT}
    return [f for f in frames if not (
        f.trigger.lemma_.lower() in REFUSING_VERBS and not f.pattern.objects
        and any(c.dep_ == "xcomp" and c.i in coded for c in f.trigger.children))]


# Verbs that comment on an event already reported: "the trip has been seen as a chance",
# "state media portrayed the trip as ...".
COMMENTING_VERBS = DESCRIBING_VERBS | {"see", "view", "portray", "consider", "regard", "judge",
                                       "interpret"}


def _commented_on(noun: Token) -> bool:
    return (noun.dep_ in ("nsubj", "nsubjpass", "dobj")
            and noun.head.lemma_.lower() in COMMENTING_VERBS)


def _one_sided_frame(trigger: Token, pattern: Pattern, actors: DocActors,
                     source: Mention | None, target: Mention | None) -> Frame | None:
    sides = one_sided_sides(trigger, pattern, actors, source, target)
    return None if sides is None else Frame(trigger, pattern, *sides, one_sided=True)


def _resolve_source(actors: DocActors, candidate: Token) -> Mention | None:
    counted = counted_group(candidate)
    if counted is not candidate:
        # "Thousands of Armenians marched": the counted group acts.
        return actors.resolve(candidate) or actors.resolve(counted)
    if candidate.lemma_.lower() not in RELATION_NOUNS:
        # A plural agent with a nationality acts for its country ("Saudi hackers launched").
        lenient = (candidate.tag_ == "NNS" and candidate.dep_ in ("nsubj", "pobj")
                   and any(c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN")
                           for c in candidate.children))
        found = actors.resolve(candidate, lenient=lenient)
        if found is None and candidate.dep_ == "nsubj":
            # "The Russian-U.S. workgroup held a videoconference": a joint body of two
            # countries acts for both.
            joint = actors.resolve(candidate, lenient=True)
            if joint is not None and len({a.country for a in joint.actors}) >= 2:
                return joint
        return found
    parts = [actors.resolve(candidate, lenient=True)]
    parts += [actors.resolve(c) for c in candidate.children if c.dep_ == "poss"]
    parts += [actors.resolve(p) for prep in candidate.children
              if prep.dep_ == "prep" and prep.lower_ in ("between", "with")
              for p in prep.children if p.dep_ == "pobj"]
    sides = [m for m in parts if m is not None]
    parties = tuple(dict.fromkeys(a for m in sides for a in m.actors))
    if len({a.country for a in parties}) < 2:
        return None  # a relationship needs its two sides
    return replace(sides[0], actors=parties, text=candidate.text if len(sides) > 1
                   else sides[0].text)


# Roots of talk: telling TASS or speaking to reporters is talk through the media, not to them.
TALK_ROOTS = frozenset({"01", "04"})
VISIT = "042"


def _migrates(pattern: Pattern, source: Mention) -> bool:
    """Refugees and migrants on the move migrate; a visit is an official's."""
    return pattern.code.startswith(VISIT) and all(a.sector == "REF" for a in source.actors)


def _is_audience(pattern: Pattern, target: Mention) -> bool:
    return pattern.code[:2] in TALK_ROOTS and all(a.sector == "MED" for a in target.actors)


def _acts_together(pattern: Pattern, source: Mention) -> bool:
    """"Azerbaijan and Russia signed": a compound source of a symmetric pattern."""
    return pattern.symmetric and len(source.actors) >= 2


def _proposed(noun: Token) -> bool:
    """The event noun is what a verb not yet done would bring about ("to host talks")."""
    verb = noun.head
    return noun.dep_ == "dobj" and modality_of(verb) != FACTUAL  # the tagger may call it a noun


def _names_both_parties(pattern: Pattern, slot: str, target: Mention, trigger: Token) -> bool:
    """A nominal event whose parties are all in one phrase: "talks between X and Y",
    "the meeting of the two presidents", "fighting between X and Y resumed" (a gerund)."""
    nominal = pattern.pos == "NOUN" or (trigger.tag_ == "VBG" and trigger.dep_ in NOUN_DEPS)
    return (nominal and pattern.symmetric and slot in ("prep:between", "prep:of")
            and len(target.actors) >= 2)


NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _pairs(frame: Frame) -> Iterator[tuple[Actor, Actor]]:
    sources = frame.source.actors
    if frame.target is None:
        # A compound actor acting together: each member towards each other member, sides of
        # one country included ("talks between the Afghan government and the Taliban").
        for s in sources:
            for t in sources:
                if is_other(t, (s,)):
                    yield s, t
        return
    # A force striking a place of its own country ("Syrian forces shelled Aleppo") — unless
    # its country was only guessed from that very place ("Jets bombed targets near Aleppo").
    place = frame.slot.startswith("place:") and frame.source.rule != "place-of-operation"
    mutual = _is_mutual_quarrel(frame)
    for s in sources:
        for t in frame.target.actors:
            if is_other(t, (s,)) or (place and t != s and not t.sector):
                yield s, t
                if mutual:
                    yield t, s


# "Turkey's spat with Europe", "the row between Rome and Paris": a quarrel named by a noun is
# both sides' (the conventions code symmetric wording both ways); a verb's quarrel keeps its
# direction ("Turkey quarrelled with Europe" names who started it).
MUTUAL_NOUN_ROOTS = frozenset({"11"})


def _is_mutual_quarrel(frame: Frame) -> bool:
    pattern = frame.pattern
    return (pattern.pos == "NOUN" and pattern.symmetric
            and pattern.code[:2] in MUTUAL_NOUN_ROOTS)


def _confidence(frame: Frame) -> float:
    resolution = {"name:name": 1.0, "name:capital": 0.95, "name:seat": 0.95,
                  "name:person": 0.95, "name:igo": 0.95, "name:organisation": 0.9,
                  "name:adjective": 0.85, "modifiers": 0.85, "person-memory": 0.8,
                  "collective": 0.75, "collective-here": 0.8,
                  "collective-event": 0.8}
    source = resolution.get(frame.source.rule, 0.7)
    target = resolution.get(frame.target.rule, 0.7) if frame.target else source
    borrowed = BORROWED_FACTOR if frame.borrowed else 1.0
    one_sided = ONE_SIDED_FACTOR if frame.one_sided else 1.0
    return round(frame.pattern.weight * min(source, target) * borrowed * one_sided, 2)


# A side taken from an earlier event is less certain than one named in the sentence.
BORROWED_FACTOR = 0.8
