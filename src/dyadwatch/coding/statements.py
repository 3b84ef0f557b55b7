"""Events made by what a statement says rather than by a trigger word.

"Tillerson said that Russia must abide by the deal" is a demand of the speaker on Russia
(CAMEO 100), "..., said Y should withdraw" an appeal (020), and "Baku voiced its hope that
Moscow will press its partner" an appeal to Moscow (020): the conventions code the speaker's
own act when the statement is itself aimed at another actor. The reporting (or hoping) word
is the event's trigger; the clause's subject is the target."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.coding.actors import DocActors
from dyadwatch.coding.acts import DerivedAct
from dyadwatch.coding.frames import verbal_subject
from dyadwatch.coding.phrases import is_other
from dyadwatch.dictionaries.patterns import Pattern
from dyadwatch.model import Mention

REPORTING_VERBS = frozenset({"say", "tell", "state", "add", "note", "declare", "stress",
                             "insist", "warn", "write", "announce", "reiterate", "argue"})
# The modal of the reported clause decides the act: an obligation is a demand, advice an
# appeal.
DEMAND = Pattern(id="statement.must", trigger="must", code="100", weight=0.6,
                 note="'X said Y must ...': X demands of Y")
APPEAL = Pattern(id="statement.should", trigger="should", code="020", weight=0.5,
                 note="'X said Y should ...': X appeals to Y")
MODALS = {"must": DEMAND, "should": APPEAL, "ought": APPEAL}
HOPED = Pattern(id="statement.hope", trigger="hope", code="020", weight=0.5,
                note="'X hopes (voiced hope) that Y will ...': X appeals to Y")
HOPE_WORDS = frozenset({"hope", "expect", "expectation", "wish", "trust"})
HOPE_FORMS = frozenset({"hopes", "hoped", "hoping"})  # the tagger lemmatises "hopes" as "hop"
# Verbs that voice a hope held by their subject: "voiced its hope that".
VOICING_VERBS = frozenset({"voice", "express", "reiterate", "state"})
FUTURE_AUX = frozenset({"will", "would"})


# A reported judgement of an actor or of what it did: "Zakharova said the US sanctions were
# illegal" denounces the US (111); "Lavrov said Turkey's decision was a positive step" praises
# Turkey (051).
CRITICISM = Pattern(id="statement.criticism", trigger="be", code="111", weight=0.5,
                    note="'X said Y('s act) was unacceptable / a provocation': X denounces Y")
PRAISE = Pattern(id="statement.praise", trigger="be", code="051", weight=0.5,
                 note="'X said Y('s act) was a positive step': X praises Y")
BAD_WORDS = frozenset({
    "unacceptable", "illegal", "illegitimate", "unlawful", "provocative", "irresponsible",
    "dangerous", "destabilizing", "destabilising", "aggressive", "unfounded", "baseless",
    "absurd", "hostile", "unfriendly", "counterproductive", "outrageous", "groundless",
    "cynical", "hypocritical", "reckless", "unjustified", "shameful", "deplorable",
    "provocation", "violation", "mistake", "crime", "aggression", "interference", "lie",
    "farce", "blackmail", "threat", "insult", "propaganda", "disgrace", "error",
    "ridiculous", "fabricated", "fabrication", "fake", "nonsense", "slogan", "hysteria",
    "hunt", "sham", "smear", "slander", "fiction", "fantasy", "paranoia", "russophobia",
    "russophobic", "rubbish", "insulting", "offensive", "disgraceful", "barbaric",
    "criminal", "blunder", "lawless", "destructive"})
GOOD_WORDS = frozenset({"positive", "constructive", "welcome", "commendable", "helpful",
                        "useful", "encouraging", "praiseworthy", "right", "wise",
                        "step", "contribution", "success", "achievement", "breakthrough"})
# Words that turn a judgement around or hedge it: "not a violation", "a positive step" needs
# "positive" for "step" to count.
NEEDS_GOOD_MODIFIER = frozenset({"step", "contribution"})


# A judgement of an encounter with another actor ("his talks with Tillerson were
# constructive", "described the meeting with Putin as productive") is optimism (013) or
# pessimism (012) about that partner.
OPTIMISM = Pattern(id="statement.optimism", trigger="be", code="013", weight=0.5,
                   note="'X said the talks with Y were constructive': X is optimistic on Y")
PESSIMISM = Pattern(id="statement.pessimism", trigger="be", code="012", weight=0.5,
                    note="'X said the talks with Y were difficult': X is pessimistic on Y")
ENCOUNTER_NOUNS = frozenset({"talk", "meeting", "negotiation", "conversation", "visit",
                             "summit", "consultation", "discussion", "dialogue", "contact",
                             "cooperation", "relation", "relationship", "tie", "atmosphere"})
GOOD_ENCOUNTER = frozenset({"positive", "constructive", "productive", "fruitful", "good",
                            "excellent", "friendly", "warm", "useful", "successful",
                            "substantive", "frank", "businesslike", "cordial", "beneficial",
                            "promising", "encouraging", "great", "success", "breakthrough"})
BAD_ENCOUNTER = frozenset({"difficult", "tense", "tough", "unproductive", "fruitless",
                           "disappointing", "strained", "bad", "failure", "poor"})
# Verbs that pass a judgement on their object: "described the talks as constructive",
# "called the decision illegal".
JUDGING_POS = ("ADJ", "NOUN")  # "called it illegal", "called it a provocation"
DESCRIBING_VERBS = frozenset({"describe", "call", "characterize", "characterise", "term",
                              "assess", "deem", "label", "brand", "dub", "hail"})


def statement_acts(token: Token, actors: DocActors) -> Iterator[DerivedAct]:
    """Demands and appeals that a reporting verb's clauses, or a hope, make of their
    subjects; judgements a reporting verb's clause, or a describing verb, passes on an
    actor or on an encounter with one."""
    yield from _hoped_acts(token, actors)
    yield from _reported_acts(token, actors)
    yield from _judged_acts(token, actors)
    yield from _described_acts(token, actors)


def _hoped_acts(hope: Token, actors: DocActors) -> Iterator[DerivedAct]:
    if hope.lemma_.lower() not in HOPE_WORDS and hope.lower_ not in HOPE_FORMS:
        return
    if hope.pos_ == "VERB":
        holder, clauses = hope, [c for c in hope.children if c.dep_ == "ccomp"]
    elif hope.dep_ == "dobj" and hope.head.lemma_.lower() in VOICING_VERBS:
        holder, clauses = hope.head, [c for c in hope.children if c.dep_ == "acl"]
    else:
        return
    speaker = _subject(holder, actors)
    for clause in clauses:
        if speaker is not None and any(
                a.dep_ == "aux" and a.lower_ in FUTURE_AUX for a in clause.children):
            addressee = _subject(clause, actors)
            if addressee is not None and any(is_other(a, speaker.actors)
                                             for a in addressee.actors):
                yield DerivedAct(hope, HOPED, speaker, addressee)


def _subject(verb: Token, actors: DocActors) -> Mention | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return actors.resolve(subject) if subject is not None else None


def _reported_clauses(reporting: Token,
                      actors: DocActors) -> Iterator[tuple[Mention, Token, Token]]:
    """(speaker, clause, clause subject) for each that-clause of a reporting verb whose
    speaker codes to an actor."""
    if reporting.pos_ != "VERB" or reporting.lemma_.lower() not in REPORTING_VERBS:
        return
    speaker = _subject(reporting, actors)
    if speaker is None:
        return
    for clause in reporting.children:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "expl")), None)
        if clause.dep_ == "ccomp" and subject is not None:
            yield speaker, clause, subject


def _reported_acts(reporting: Token, actors: DocActors) -> Iterator[DerivedAct]:
    for speaker, clause, subject in _reported_clauses(reporting, actors):
        pattern = next((MODALS[a.lower_] for a in clause.children
                        if a.dep_ == "aux" and a.lower_ in MODALS), None)
        addressee = actors.resolve(subject) if pattern is not None else None
        if (pattern is not None and addressee is not None
                and any(is_other(a, speaker.actors) for a in addressee.actors)):
            yield DerivedAct(reporting, pattern, speaker, addressee)


def _judged_acts(reporting: Token, actors: DocActors) -> Iterator[DerivedAct]:
    for speaker, clause, subject in _reported_clauses(reporting, actors):
        if clause.lemma_.lower() != "be" or _negated(clause):
            continue
        predicates = [p for p in clause.children if p.dep_ in ("acomp", "attr")]
        if subject.dep_ == "expl":  # "there was a good atmosphere": the predicate is judged
            subject = next((p for p in predicates if p.dep_ == "attr"), subject)
        act = _judgement_of(reporting, speaker, subject, predicates, actors)
        if act is not None:
            yield act


def _described_acts(verb: Token, actors: DocActors) -> Iterator[DerivedAct]:
    """"Lavrov described his talks with Tillerson as constructive", "called the decision
    illegal": an adjective said of the describing verb's object."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in DESCRIBING_VERBS or _negated(verb):
        return
    # "Trump lashed out at Democrats, calling their actions a witch hunt": a participle
    # clause describes with its main clause's subject.
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp"):
        subject = verbal_subject(verb)
        speaker = actors.resolve(subject) if subject is not None else None
    else:
        speaker = _subject(verb, actors)
    if speaker is None:
        return
    for thing, predicate in _described(verb):
        act = _judgement_of(verb, speaker, thing, [predicate], actors)
        if act is not None:
            yield act


def _described(verb: Token) -> Iterator[tuple[Token, Token]]:
    """(object, adjective) pairs: "described X as constructive", "called X illegal"."""
    things = [c for c in verb.children if c.dep_ == "dobj"]
    # "branded the decision a mistake" may come as two objects: the second says what the first is
    yield from ((things[0], complement) for complement in things[1:])
    for thing in things:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                yield from ((thing, a) for a in prep.children
                            if a.dep_ in ("pobj", "amod", "acomp") and a.pos_ in JUDGING_POS)
        yield from ((thing, a) for a in verb.children
                    if a.dep_ in ("oprd", "acomp") and a.pos_ in JUDGING_POS)
        # "called Le Drian's words 'rosy slogans'", "branded the decision a mistake": the
        # parser hangs the noun complement on the object as its apposition.
        yield from ((thing, a) for a in thing.children
                    if a.dep_ == "appos" and a.pos_ == "NOUN")
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "ADJ"):
        # "called the move illegal", parsed as a small clause
        yield from ((s, clause) for s in clause.children if s.dep_ == "nsubj")


def _judgement_of(trigger: Token, speaker: Mention, subject: Token,
                  predicates: list[Token], actors: DocActors) -> DerivedAct | None:
    """The act a judgement makes: optimism or pessimism about the partner of a judged
    encounter, else criticism or praise of the judged actor (or its act's owner)."""
    if subject.lemma_.lower() in ENCOUNTER_NOUNS:
        pattern = _encounter_judgement(predicates, subject)
        partner = _partner(trigger, subject, speaker, actors) if pattern else None
        return DerivedAct(trigger, pattern, speaker, partner) if pattern and partner else None
    pattern = _judgement(predicates)
    if pattern is None:
        return None
    judged = actors.resolve(subject, lenient=True) or _owner(subject, actors)
    if judged is not None and any(is_other(a, speaker.actors) for a in judged.actors):
        return DerivedAct(trigger, pattern, speaker, judged)
    return None


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _judgement_words(predicate: Token) -> set[str]:
    return {predicate.lemma_.lower()} | {m.lemma_.lower() for m in predicate.children
                                         if m.dep_ in ("amod", "compound")}


def _judgement(predicates: list[Token]) -> Pattern | None:
    """Criticism or praise in what is said of the subject; None when neutral."""
    for predicate in predicates:
        words = _judgement_words(predicate)
        if words & BAD_WORDS:
            return CRITICISM
        good = words & GOOD_WORDS
        if good and (good - NEEDS_GOOD_MODIFIER or len(words & GOOD_WORDS) > 1):
            return PRAISE
    return None


def _encounter_judgement(predicates: list[Token], subject: Token) -> Pattern | None:
    words = {w for p in predicates for w in _judgement_words(p)}
    if subject in predicates or subject.lemma_.lower() == "atmosphere":
        words |= _judgement_words(subject)  # "a good atmosphere"
    if words & BAD_ENCOUNTER:
        return PESSIMISM
    return OPTIMISM if words & GOOD_ENCOUNTER else None


def _partner(trigger: Token, encounter: Token, speaker: Mention,
             actors: DocActors) -> Mention | None:
    """The other side of an encounter: "talks with Tillerson", "relations between Russia and
    Turkey"; for "there was a good atmosphere", the encounter the report follows ("Following
    a talk with Merkel, Kaczynski said ...")."""
    nouns = [encounter]
    if encounter.lemma_.lower() == "atmosphere":
        nouns = [p for prep in trigger.children if prep.dep_ == "prep"
                 for p in prep.children if p.dep_ in ("pobj", "dobj")
                 and p.lemma_.lower() in ENCOUNTER_NOUNS]
    for noun in nouns:
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("with", "between"):
                continue
            for party in (p for p in prep.children if p.dep_ == "pobj"):
                found = [actors.resolve(t) for t in (party, *party.conjuncts)]
                others = tuple(a for m in found if m is not None for a in m.actors
                               if is_other(a, speaker.actors))
                if others:
                    first = next(m for m in found if m is not None)
                    return replace(first, text=party.text, actors=others)
    return None


def _owner(subject: Token, actors: DocActors) -> Mention | None:
    """"Kyiv's actions", "the decision of the Turkish government": whose act is judged."""
    for word in subject.children:
        if word.dep_ == "poss":
            return actors.resolve(word)
        if word.dep_ == "prep" and word.lower_ in ("of", "by"):
            found = next((actors.resolve(p) for p in word.children if p.dep_ == "pobj"), None)
            if found is not None:
                return found
    return None
