"""Findings of investigations accuse whoever they say did harm.

"A UN inquiry found that Syrian forces bombed a convoy", "according to a new UN investigation,
both sides committed war crimes": the reported attack is coded as usual, and the body that
established it accuses the attacker (CAMEO 112). A plain statement by a party ("Turkey's
military said a Russian strike hit the building") or by a monitor counting casualties reports;
only investigative sources make a finding an accusation."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from dyadwatch.coding.actors import DocActors
from dyadwatch.coding.acts import DerivedAct
from dyadwatch.coding.phrases import is_other, phrase_tokens
from dyadwatch.dictionaries.patterns import Pattern
from dyadwatch.model import Mention

ACCUSATION = Pattern(id="finding.accusation", trigger="find", code="112", weight=0.5,
                     note="'an inquiry found that Y bombed Z': the investigators accuse Y")
# Acts a finding can blame someone for: coercion, force posture, assault, fighting, mass
# violence (and protest turned violent).
BLAMED_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
# Who makes findings rather than statements.
# Monitors that count casualties as they happen ("the Syrian Observatory said") are sources of
# information, as the conventions treat reporting verbs; investigations conclude.
INVESTIGATIVE_NOUNS = frozenset({
    "report", "investigation", "inquiry", "probe", "commission", "investigator",
    "inspector", "analyst", "intelligence", "study", "review", "panel", "finding",
    "prosecutor", "expert"})
FINDING_VERBS = frozenset({"say", "find", "conclude", "allege", "establish", "determine",
                           "show", "confirm", "report", "state", "document", "reveal"})
CLAUSE_DEPS = frozenset({"ccomp", "conj", "xcomp", "advcl", "relcl"})
MAX_CLIMB = 4


def findings(blamed: list[tuple[Token, str, Mention]],
             actors: DocActors) -> Iterator[DerivedAct]:
    """Accusations made by the finders of the acts in `blamed` (trigger, code, doer)."""
    for trigger, code, doer in blamed:
        if code[:2] not in BLAMED_ROOTS:
            continue
        found = _finder(trigger)
        if found is None:
            continue
        verb, phrase = found
        finder = actors.resolve(phrase, lenient=True)  # "a UN investigation" is the UN's
        if finder is None:
            continue
        accused = tuple(a for a in doer.actors if is_other(a, finder.actors))
        if accused:
            yield DerivedAct(verb, ACCUSATION, finder,
                          Mention(doer.start, doer.end, doer.text, accused, doer.rule,
                                  doer.basis))


def _finder(trigger: Token) -> tuple[Token, Token] | None:
    """The investigative source of the clause the trigger is in: the subject of a verb of
    finding that governs it, or the object of its "according to"."""
    token = trigger
    for _ in range(MAX_CLIMB):
        according = _according_to(token)
        if according is not None and _is_investigative(according):
            return token, according
        if token.dep_ not in CLAUSE_DEPS or token.head is token:
            return None
        token = token.head
        if token.lemma_.lower() in FINDING_VERBS:
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and _is_investigative(subject):
                return token, subject
    return None


def _according_to(verb: Token) -> Token | None:
    return next((obj for prep in verb.children if prep.lower_ == "according"
                 for to in prep.children if to.lower_ == "to"
                 for obj in to.children if obj.dep_ == "pobj"), None)


def _is_investigative(phrase: Token) -> bool:
    return any(t.lemma_.lower() in INVESTIGATIVE_NOUNS for t in phrase_tokens(phrase))
