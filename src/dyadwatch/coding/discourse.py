"""What an article has said so far, for phrases that point back at an earlier event.

"Lavrov met Safadi in Moscow. The talks focused on Syria." The second sentence's "the talks"
names no one: it is the meeting of the first sentence, so it takes that meeting's parties.
Only definite event nouns ("the talks", "these strikes") borrow, only from an event of the same
kind (see `kind_of`), and only from the same or the previous two sentences."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from dyadwatch.model import Actor, Mention

# Kinds of events a definite noun can refer back to: "the talks" to a meeting, "the strikes"
# to an attack, "the deal" to a signing.
KIND_BY_ROOT = {"04": "meeting", "05": "cooperation", "06": "cooperation", "07": "aid",
                "18": "force", "19": "force", "20": "force", "11": "criticism",
                "12": "rejection", "16": "sanction", "17": "coercion"}


def kind_of(code: str) -> str:
    return KIND_BY_ROOT.get(code[:2], code[:2])


DEFINITE_WORDS = frozenset({"the", "this", "these", "that", "those", "such"})
# How many sentences back an antecedent event may be.
REACH_SENTENCES = 2
# A dispute ("the conflict") stays the topic for longer than an event.
DISPUTE_REACH = 4


@dataclass(frozen=True, slots=True)
class Remembered:
    sentence: int
    kind: str
    source: Mention
    target: Mention | None  # None: a compound source acting together ("X and Y met")


@dataclass(slots=True)
class EventMemory:
    """Events of one article in reading order."""

    events: list[Remembered] = field(default_factory=list)
    disputes: list[tuple[int, Mention]] = field(default_factory=list)

    def remember_dispute(self, sentence: int, parties: Mention) -> None:
        self.disputes.append((sentence, parties))

    def latest_dispute(self, sentence: int) -> Mention | None:
        """The parties of the dispute named last, if within DISPUTE_REACH sentences."""
        for when, parties in reversed(self.disputes):
            if sentence - when <= DISPUTE_REACH:
                return parties
            break
        return None

    def remember(self, sentence: int, kind: str, source: Mention,
                 target: Mention | None) -> None:
        self.events.append(Remembered(sentence, kind, source, target))

    def latest_parties(self, sentence: int) -> tuple[Actor, ...]:
        """The two parties of the latest two-party event within reach, or ()."""
        for event in reversed(self.events):
            if sentence - event.sentence > REACH_SENTENCES:
                break
            parties = (*event.source.actors, *(event.target.actors if event.target else ()))
            if len({a.country for a in parties}) == 2:
                return tuple(dict.fromkeys(parties))
        return ()

    def antecedent(self, sentence: int, kind: str,
                   involving: frozenset[str] = frozenset(), *,
                   earlier_sentences: bool = False) -> Remembered | None:
        """The latest event of this kind within reach; with `involving`, the latest one in
        which one of those countries took part ("the meeting with Lavrov");
        `earlier_sentences` skips the sentence's own events."""
        for event in reversed(self.events):
            if sentence - event.sentence > REACH_SENTENCES:
                return None
            if earlier_sentences and event.sentence == sentence:
                continue
            if event.kind == kind and (
                    not involving or involving & _countries(event)):
                return event
        return None


def _countries(event: Remembered) -> set[str]:
    parties = (*event.source.actors, *(event.target.actors if event.target else ()))
    return {a.country for a in parties}


def is_definite_event_noun(trigger: Token) -> bool:
    """"the talks", "these strikes", "the minister's visit" — but not "talks" or "a meeting"
    (new events)."""
    return trigger.pos_ == "NOUN" and any(
        (c.dep_ == "det" and c.lower_ in DEFINITE_WORDS) or c.dep_ == "poss"
        for c in trigger.children)


# "after the meeting", "ahead of the talks": the event only dates the sentence.
TIME_PREPOSITIONS = frozenset({"after", "before", "since", "during", "following", "until",
                               "amid", "ahead", "prior", "till", "pending"})


def is_time_anchor(noun: Token) -> bool:
    head = noun.head
    if noun.dep_ != "pobj":
        return False
    if head.lower_ in TIME_PREPOSITIONS:
        return True
    # "ahead of the talks", "prior to the visit"
    return head.lower_ in ("of", "to") and head.head.lower_ in TIME_PREPOSITIONS


def is_historical_anchor(noun: Token) -> bool:
    """"since the annexation": a past event that only anchors time is not coded."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "since"


Sides = tuple[Mention, Mention | None]


def borrow_sides(earlier: Remembered, source: Mention | None,
                 target: Mention | None) -> Sides | None:
    """Source and target of a definite event noun, completed from the earlier event.

    Nothing named: the earlier event's sides. One side named: it must be a party of the
    earlier event, and the other side is the earlier event's side facing it ("The meeting with
    Lavrov" after "Tillerson met Lavrov" → Tillerson with Lavrov; "the trips to Malaysia" after
    "the king visited Malaysia, Japan and China" → the king, not the other hosts)."""
    named = source if source is not None else target
    if named is None:
        return earlier.source, earlier.target
    other = _facing(earlier, {a.country for a in named.actors})
    if other is None:
        return None
    return (named, other) if source is not None else (other, named)


def _facing(earlier: Remembered, known: set[str]) -> Mention | None:
    """The earlier event's side facing the side that includes `known`; for parties that
    acted together ("X and Y met"), the parties other than `known`. The evidence text stays
    the earlier phrase."""
    for own, other in ((earlier.source, earlier.target), (earlier.target, earlier.source)):
        if own is None or not known & {a.country for a in own.actors}:
            continue
        facing = other if other is not None else own
        rest = tuple(dict.fromkeys(a for a in facing.actors if a.country not in known))
        return replace(facing, actors=rest) if rest else None
    return None  # the earlier event is someone else's


def rebind_collective(mention: Mention | None, memory: EventMemory,
                      sentence: int) -> Mention | None:
    """"The sides exchanged views": a collective means the parties of the latest two-party
    event, when there is one close by (else the two countries named last, as resolved)."""
    if mention is None or mention.rule != "collective":
        return mention
    parties = memory.latest_parties(sentence)
    if not parties:
        return mention
    # "The Defense Ministers" keep their own sector; "the sides" take the parties' sectors.
    sectors = {a.sector for a in mention.actors}
    own = sectors.pop() if len(sectors) == 1 else ""
    if own:
        parties = tuple(dict.fromkeys(Actor(a.country, own) for a in parties))
    return replace(mention, actors=parties, rule="collective-event",
                   basis="the parties of the event just before")


def collective_from_memory(token: Token, memory: EventMemory,
                           sentence: int) -> Mention | None:
    """"The sides signed" after "Lavrov met Safadi": a collective with no countries named
    before it still means the parties of the event just before."""
    parties = memory.latest_parties(sentence)
    if not parties:
        return None
    return Mention(token.idx, token.idx + len(token.text), token.text, parties,
                   "collective-event", "the parties of the event just before")


def is_possessed(trigger: Token) -> bool:
    """"the minister's visit": definite by its possessor, not by an article."""
    return not any(c.dep_ == "det" for c in trigger.children) and any(
        c.dep_ == "poss" for c in trigger.children)
