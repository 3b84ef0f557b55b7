"""Which tokens may trigger an event, and whether a pattern's constraints hold there.

A noun is an event only as a main argument, not when it is background: a historical anchor
("since the annexation"), the topic of another event noun ("the lifting of sanctions"), a
standing relation ("trade between X and Y is worth ..."), a dispute being resolved, or a back
reference ("the opening ceremony of the talks"). A pattern holds where its particle, subjects
and objects are found, and not for a sports result, a name-calling "called X illegal" taken for
a phone call, a warning that only says what something is, or a legal-status descriptor
("the group outlawed in Russia")."""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.discourse import is_historical_anchor
from dyadwatch.coding.frames import is_status_descriptor, objects, source_candidates
from dyadwatch.coding.phrases import DISPUTE_NOUNS
from dyadwatch.coding.senses import another_sense
from dyadwatch.coding.targets import PHONE_CALL
from dyadwatch.dictionaries.patterns import Pattern

NOMINAL_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "ROOT", "appos", "conj", "oprd"}
)


def trigger_pos(token: Token) -> str:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "oprd"):
        return "ADJ"
    if token.pos_ == "NOUN" and token.dep_ in NOMINAL_ARGUMENT_DEPS:
        background = (is_historical_anchor(token) or _inside_event_noun(token)
                      or _standing_relation(token) or _dispute_as_topic(token)
                      or _part_of_named_event(token))
        return "" if background else "NOUN"
    return ""


# "the cooperation between Europe and the US is on tenuous ground", "trade between X and Y
# was worth $5bn": a relationship described by a copula is a standing state (conventions).
STATE_VERBS = frozenset({"be", "remain", "stay", "seem", "appear", "look"})


def _standing_relation(noun: Token) -> bool:
    """A relation described as it is; "could be beneficial" (a modal) looks ahead instead."""
    copula = noun.head
    return (noun.lemma_.lower() in RELATION_NOUNS and noun.dep_ == "nsubj"
            and copula.lemma_.lower() in STATE_VERBS
            and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in copula.children))


# "agreed to keep working toward resolving a longstanding dispute": a dispute that is resolved,
# settled or discussed is the topic, not a new quarrel.
TOPIC_VERBS = frozenset({"resolve", "settle", "solve", "end", "overcome", "discuss", "address",
                         "tackle", "defuse", "ease", "mediate"})


def _dispute_as_topic(noun: Token) -> bool:
    return (noun.lemma_.lower() in DISPUTE_NOUNS and noun.dep_ == "dobj"
            and noun.head.lemma_.lower() in TOPIC_VERBS)


def _part_of_named_event(noun: Token) -> bool:
    """"the opening ceremony of the talks", "the first round of the negotiations": a definite
    event noun inside another noun's of-phrase refers back to an event already reported."""
    head = noun.head
    return (noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children))


def constraints_hold(trigger: Token, pattern: Pattern) -> bool:
    if is_status_descriptor(trigger):
        return False  # "the terror group outlawed in Russia"
    if pattern.code.startswith(PHONE_CALL) and _says_what_object_is(trigger):
        return False  # "called the sanctions illegal" names, it does not phone
    if another_sense(trigger, pattern):
        return False  # "Brazil beat Argentina", "met with resistance", "battling allegations"
    if pattern.code[:2] == THREAT_ROOT and _warns_of_a_state(trigger):
        return False  # "warned that the Iranian regime is the gravest threat": a judgement
    if pattern.particle and not any(
        c.lower_ == pattern.particle and c.dep_ in ("prt", "advmod", "prep")
        and not _dates(c) for c in trigger.children
    ) and not _adjacent_particle(trigger, pattern.particle):
        return False
    if pattern.subjects and not any(
            s.lemma_.lower() in pattern.subjects for s in source_candidates(trigger, pattern)):
        return False
    if pattern.objects:
        return any(_object_fits(o, pattern.objects) for o in objects(trigger, pattern))
    return True


PERSON_OBJECT = "@person"  # an object constraint met by a person's name ("fired Comey")


def _object_fits(word: Token, wanted: frozenset[str]) -> bool:
    return (word.lemma_.lower() in wanted or word.lower_ in wanted
            or (PERSON_OBJECT in wanted and word.ent_type_ == "PERSON"))


THREAT_ROOT = "13"


def _warns_of_a_state(verb: Token) -> bool:
    """A warning whose only content is what something is (a copula clause) threatens no one."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    others = [c for c in verb.children if c.dep_ in ("dobj", "dative", "xcomp")
              or (c.dep_ == "prep" and c.lower_ in ("against", "of"))]
    return bool(clauses) and not others and all(c.lemma_.lower() == "be" for c in clauses)


def _adjacent_particle(verb: Token, particle: str) -> bool:
    """"handed over 15 detainees": the parser may read the particle as "more than" on the
    number right after it."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (following is not None and following.lower_ == particle
            and following.dep_ in ("advmod", "quantmod") and following.head.pos_ == "NUM")


def _says_what_object_is(verb: Token) -> bool:
    """A complement after the object, or a common noun the parser hangs on the object as its
    apposition ("called Le Drian's words 'rosy slogans'"; "called his counterpart, Lavrov" is
    a call)."""
    return any(c.dep_ == "oprd" or (c.dep_ == "ccomp" and c.pos_ in ("ADJ", "NOUN"))
               or (c.dep_ == "dobj" and any(a.dep_ == "appos" and a.pos_ == "NOUN"
                                             for a in c.children))
               for c in verb.children)


def object_of_coded_verb(noun: Token, coded: set[int]) -> bool:
    """"plan to expand their cooperation", "boost the trade": the verb that made an event
    acts on the event noun; the noun is its topic, not a second event."""
    return noun.dep_ == "dobj" and noun.head.i in coded


def _dates(preposition: Token) -> bool:
    """"called Lavrov on Tuesday": a preposition whose object is a date is no particle."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in preposition.children)


def _inside_event_noun(noun: Token) -> bool:
    """"the lifting of sanctions", "talks on the withdrawal of troops": an event noun in the
    of-phrase of another event noun is that event's topic, not an event of its own."""
    head = noun.head
    return (noun.dep_ == "pobj" and head.lower_ in ("of", "on", "about", "over")
            and head.head.pos_ == "NOUN" and head.head.dep_ in NOMINAL_ARGUMENT_DEPS
            and head.head.lemma_.lower() in EVENT_HEAD_NOUNS)


# Nouns that name an event or a stance whose of-phrase is its topic.
EVENT_HEAD_NOUNS = frozenset({
    "lifting", "talk", "negotiation", "discussion", "agreement", "deal", "plan", "proposal",
    "threat", "prospect", "possibility", "question", "issue", "call", "demand", "resolution",
    "decision", "order", "bill", "law", "vote", "debate", "report", "investigation", "warning",
    "condemnation", "fear", "concern", "risk", "idea", "matter", "topic", "subject",
    # what is alleged or suspected: "allegations of contacts between X and Y" (a controversy
    # or scandal over contacts still reports the contacts)
    "allegation", "accusation", "claim", "speculation", "rumor", "rumour", "inquiry", "probe",
    "suspicion"})


# "Russian-Azerbaijani relations will develop", "ties between Baku and Moscow grew": the
# relationship stands for both parties.
RELATION_NOUNS = frozenset({"relation", "relationship", "tie", "cooperation", "partnership",
                            "friendship", "dialogue", "contact", "alliance", "trade",
                            "commerce", "turnover"})
