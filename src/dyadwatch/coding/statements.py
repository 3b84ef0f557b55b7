"""Events made by what a statement says rather than by a trigger word.

"Tillerson said that Russia must abide by the deal" is a demand of the speaker on Russia
(CAMEO 100), and "..., said Y should withdraw" an appeal (020): the conventions code the
speaker's own act when the statement is itself aimed at another actor. The reporting verb is
the event's trigger (its modality is the statement's); the clause's subject is the target."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from dyadwatch.coding.actors import DocActors, is_other
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


@dataclass(frozen=True, slots=True)
class StatementAct:
    reporting: Token
    pattern: Pattern
    speaker: Mention
    addressee: Mention


def statement_acts(reporting: Token, actors: DocActors) -> Iterator[StatementAct]:
    """Demands and appeals a reporting verb's clauses make of their subjects."""
    if reporting.pos_ != "VERB" or reporting.lemma_.lower() not in REPORTING_VERBS:
        return
    speaker_token = next((c for c in reporting.children if c.dep_ == "nsubj"), None)
    speaker = actors.resolve(speaker_token) if speaker_token is not None else None
    if speaker is None:
        return
    for clause in reporting.children:
        if clause.dep_ != "ccomp":
            continue
        pattern = next((MODALS[a.lower_] for a in clause.children
                        if a.dep_ == "aux" and a.lower_ in MODALS), None)
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if pattern is None or subject is None:
            continue
        addressee = actors.resolve(subject)
        if addressee is not None and any(is_other(a, speaker.actors) for a in addressee.actors):
            yield StatementAct(reporting, pattern, speaker, addressee)
