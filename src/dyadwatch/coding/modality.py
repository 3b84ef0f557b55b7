"""Modality of an event trigger: factual, intended, negated, hypothetical or reported (a
claim or allegation the article attributes to someone: "X alleged that Y attacked Z").

Read from the trigger's own auxiliaries and negation and from the verbs that govern it
("plan to sign", "vowed to do"), so "will soon sign" is intended and "did not sign" negated."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from spacy.tokens import Token

FACTUAL, INTENDED, NEGATED, HYPOTHETICAL = "factual", "intended", "negated", "hypothetical"
REPORTED = "reported"
HISTORICAL = "historical"  # set by the dating of events, not from the parse
MODALITIES = (FACTUAL, INTENDED, NEGATED, HYPOTHETICAL, REPORTED, HISTORICAL)

# Verbs whose complement is an unverified claim: "claimed that", "alleged that".
CLAIM_VERBS = frozenset({"claim", "allege", "purport", "rumor", "rumour"})
# Words whose complement is the content of an accusation, denial or suggestion: the act coded
# is the accusation itself ("accused Y of attacking Z" is 112, no 190), as the conventions say.
CONTENT_HOLDERS = frozenset({
    "accuse", "deny", "reject", "dismiss", "refute", "blame", "suspect", "charge",
    "suggestion", "allegation", "accusation", "rumor", "rumour", "speculation",
    "denial", "suspicion", "fear", "concern", "worry", "assumption"})
CONTENT_DEPS = frozenset({"ccomp", "acl", "pcomp", "advcl", "xcomp", "relcl"})

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
REPORTED_FUTURE_AUX = frozenset({"would", "'d"})
FUTURE_REPORTING_VERBS = frozenset({"say", "announce", "state", "tell", "promise", "pledge",
                                    "confirm", "declare", "add", "insist", "vow", "indicate",
                                    "signal", "decide", "write", "report", "assure"})
INTENT_VERBS = frozenset(
    {"plan", "intend", "want", "seek", "vow", "pledge", "promise", "aim", "prepare", "expect",
     "agree", "decide", "hope", "wish", "offer", "propose", "mean", "undertake", "resolve",
     "consider", "schedule", "set", "volunteer"}
)
# "urged Y to withdraw", "wants Y to attack": the act is asked of someone, not done.
REQUEST_VERBS = frozenset({"ask", "urge", "call", "want", "demand", "request", "press",
                           "pressure", "encourage", "invite", "appeal", "implore", "persuade",
                           "push", "tell", "beg", "exhort", "expect"})
REPORTING_REQUEST_VERBS = frozenset({"tell"})
# "refused to sign", "failed to reach": the governed act did not happen.
NEGATING_VERBS = frozenset({"refuse", "fail", "decline", "neglect", "avoid", "reject"})
# "threatened to shell": the threatened act is not done.
THREAT_VERBS = frozenset({"threaten"})
# Verbs that pass the governed verb's modality through ("continue to develop").
CHAIN_DEPS = frozenset({"xcomp", "conj"})

# Planned cooperation is coded as an intent (CAMEO 03x), keeping the planned code aside.
INTENT_CODE_BY_ROOT = {"04": "036", "05": "030", "06": "031", "07": "033", "08": "035"}
INTENT_CODE_BY_CODE = {"045": "039", "046": "036", "061": "0311", "062": "0312", "064": "0314"}


def _own_modality(token: Token) -> str:
    children = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass", "neg")}
    if any(c.dep_ == "neg" for c in token.children) or _object_denied(token):
        return NEGATED
    if children & REPORTED_FUTURE_AUX and not children & (HYPOTHETICAL_AUX - REPORTED_FUTURE_AUX) \
            and _reported_future(token):
        return INTENDED
    if children & HYPOTHETICAL_AUX or any(
        c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) for c in token.children
    ) or any(m.dep_ == "mark" and m.lower_ == "if" for m in token.children):
        return HYPOTHETICAL
    if children & FUTURE_AUX:
        return INTENDED
    if token.tag_ == "VBG" and any(c.lower_ == "going" for c in token.children):
        return INTENDED
    return FACTUAL


def _object_denied(token: Token) -> bool:
    """"presented no evidence against Russia", "sent no troops", "no official met him",
    "neither he nor his aide had contact": "no" or "neither" on the object or the subject
    negates the act."""
    return any(o.dep_ in ("dobj", "nsubjpass", "nsubj") and any(
        (d.dep_ == "det" and d.lower_ == "no") or (d.dep_ == "preconj" and d.lower_ == "neither")
        for d in o.children) for o in token.children)


def _reported_future(token: Token) -> bool:
    """"Russia said it would supply", "Israel announced it would free": after a past verb of
    saying, "would" is the future of the report, not a condition (unless an if-clause makes
    it one)."""
    head = token.head
    conditional = any(m.lower_ in ("if", "unless") for c in token.children
                      if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark")
    return (token.dep_ == "ccomp" and head.lemma_.lower() in FUTURE_REPORTING_VERBS
            and head.tag_ in ("VBD", "VBN") and not conditional)


def _governed_reading(governor: Token) -> str:
    lemma = governor.lemma_.lower()
    if lemma in NEGATING_VERBS:
        return NEGATED
    if lemma in THREAT_VERBS:
        return HYPOTHETICAL  # "threatened to shell Bagram": the threat is the event
    return INTENDED if lemma in INTENT_VERBS else FACTUAL


# Nouns of intent whose infinitive names the planned act: "Trump's stated desire to improve
# relations", "a plan to build", "its readiness to help".
INTENT_NOUNS = frozenset({"desire", "plan", "intention", "intent", "bid", "readiness",
                          "willingness", "wish", "aim", "goal", "commitment", "pledge",
                          "promise", "offer", "proposal", "determination", "resolve",
                          "ambition", "hope", "vow", "decision", "agreement", "attempt"})


def _planned_by_noun(trigger: Token) -> bool:
    head = trigger.head
    return (trigger.dep_ in ("acl", "xcomp") and head.pos_ == "NOUN"
            and head.lemma_.lower() in INTENT_NOUNS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children))


def _has_own_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


# Nouns whose infinitive is an act asked of or allowed to someone: "pressure from Congress to
# help Iran", "a call to withdraw", "permission to land".
REQUEST_NOUNS = frozenset({"pressure", "call", "demand", "request", "appeal", "plea",
                           "ultimatum", "permission", "authorization", "authorisation"})


def is_requested(trigger: Token) -> bool:
    """The trigger is what someone asks another actor to do: "urged Turkey to release",
    "wants Putin to attack", "called on Russia to withdraw", "pressure on Obama to help"."""
    head = trigger.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    if (trigger.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in REQUEST_NOUNS
            and infinitive):
        return True
    if trigger.dep_ == "advcl" and infinitive and any(
            c.dep_ == "dobj" and c.lemma_.lower() in REQUEST_NOUNS for c in head.children):
        return True  # "give permission to Russia to help Israel", the infinitive on the verb
    if trigger.dep_ == "pcomp" and head.dep_ == "prep":  # "called on Russia to ..."
        head = head.head
    if trigger.dep_ not in ("xcomp", "ccomp") or head.lemma_.lower() not in REQUEST_VERBS:
        return False
    if trigger.dep_ == "ccomp" and head.lemma_.lower() in REPORTING_REQUEST_VERBS:
        return False  # "told journalists that Russia wants …" reports; "told him to go" asks
    asked = any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "on")
                for c in head.children)
    return asked or _has_own_subject(trigger)


def modality_of(trigger: Token) -> str:
    """Walk from the trigger up through xcomp/conj chains; the first non-factual reading wins.
    A conjoined clause with a subject of its own ("…, and Russia signed") stops the walk."""
    if is_requested(trigger):
        return HYPOTHETICAL
    if _planned_by_noun(trigger):
        return INTENDED
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


def _content_path(trigger: Token) -> Iterator[Token]:
    """The words that govern the trigger's clause, nearest first, while the path runs
    through clauses and the prepositions that hold them ("accusations of him sympathizing")."""
    token = trigger
    for _ in range(5):
        if token.head is token or not (token.dep_ in CONTENT_DEPS or token.dep_ in ("pobj", "prep")
                                        or token.head.dep_ == "prep"):
            return
        token = token.head
        yield token


def is_disputed_content(trigger: Token) -> bool:
    """The trigger is what someone is accused of, denies or suggests: not an event."""
    return any(t.lemma_.lower() in CONTENT_HOLDERS for t in _content_path(trigger))


def is_claimed(trigger: Token) -> bool:
    return any(t.lemma_.lower() in CLAIM_VERBS for t in _content_path(trigger))


# An event dated this many years or more before publication is a historical recap.
RECAP_YEARS = 2
TIME_DEPS = frozenset({"prep", "npadvmod", "advmod", "pobj", "tmod"})


def stated_year(trigger: Token) -> int | None:
    """The year a date phrase attached to the trigger names ("in 2008", "in April 2016")."""
    for child in trigger.children:
        if child.dep_ not in TIME_DEPS:
            continue
        for token in child.subtree:
            if (token.ent_type_ == "DATE" and token.is_digit and len(token.text) == 4
                    and token.text[:2] in ("19", "20")):
                return int(token.text)
    return None


def is_historical(trigger: Token, published: date | None) -> bool:
    """"Russia recognised South Ossetia in 2008" in a 2017 article: a recap, not news."""
    year = stated_year(trigger)
    return published is not None and year is not None and published.year - year >= RECAP_YEARS


def intent_code(code: str) -> str:
    """The 03x code for a planned cooperative act, or the code itself for other roots."""
    if code in INTENT_CODE_BY_CODE:
        return INTENT_CODE_BY_CODE[code]
    return INTENT_CODE_BY_ROOT.get(code[:2], code)
