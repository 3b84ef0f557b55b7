"""Modality of an event trigger: factual, intended, negated or hypothetical.

Read from the trigger's own auxiliaries and negation and from the verbs that govern it
("plan to sign", "vowed to do"), so "will soon sign" is intended and "did not sign" negated."""

from __future__ import annotations

from spacy.tokens import Token

FACTUAL, INTENDED, NEGATED, HYPOTHETICAL = "factual", "intended", "negated", "hypothetical"

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
INTENT_VERBS = frozenset(
    {"plan", "intend", "want", "seek", "vow", "pledge", "promise", "aim", "prepare", "expect",
     "agree", "decide", "hope", "wish", "offer", "propose", "mean", "undertake", "resolve",
     "consider", "schedule", "set"}
)
# "refused to sign", "failed to reach": the governed act did not happen.
NEGATING_VERBS = frozenset({"refuse", "fail", "decline", "neglect", "avoid", "reject"})
# Verbs that pass the governed verb's modality through ("continue to develop").
CHAIN_DEPS = frozenset({"xcomp", "conj"})

# Planned cooperation is coded as an intent (CAMEO 03x), keeping the planned code aside.
INTENT_CODE_BY_ROOT = {"04": "036", "05": "030", "06": "031", "07": "033", "08": "035"}
INTENT_CODE_BY_CODE = {"045": "039", "046": "036", "061": "0311", "062": "0312", "064": "0314"}


def _own_modality(token: Token) -> str:
    children = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass", "neg")}
    if any(c.dep_ == "neg" for c in token.children):
        return NEGATED
    if children & HYPOTHETICAL_AUX or any(
        c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) for c in token.children
    ) or any(m.dep_ == "mark" and m.lower_ == "if" for m in token.children):
        return HYPOTHETICAL
    if children & FUTURE_AUX:
        return INTENDED
    if token.tag_ == "VBG" and any(c.lower_ == "going" for c in token.children):
        return INTENDED
    return FACTUAL


def _governed_reading(governor: Token) -> str:
    lemma = governor.lemma_.lower()
    if lemma in NEGATING_VERBS:
        return NEGATED
    return INTENDED if lemma in INTENT_VERBS else FACTUAL


def _has_own_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def modality_of(trigger: Token) -> str:
    """Walk from the trigger up through xcomp/conj chains; the first non-factual reading wins.
    A conjoined clause with a subject of its own ("…, and Russia signed") stops the walk."""
    token = trigger
    for _ in range(4):
        own = _own_modality(token)
        if own != FACTUAL:
            return own
        if token is not trigger and _governed_reading(token) != FACTUAL:
            return _governed_reading(token)
        if token.dep_ not in CHAIN_DEPS or token.head is token:
            break
        if token.dep_ == "conj" and _has_own_subject(token):
            break
        token = token.head
    if token is not trigger:
        return _governed_reading(token)
    return FACTUAL


def intent_code(code: str) -> str:
    """The 03x code for a planned cooperative act, or the code itself for other roots."""
    if code in INTENT_CODE_BY_CODE:
        return INTENT_CODE_BY_CODE[code]
    return INTENT_CODE_BY_ROOT.get(code[:2], code)
