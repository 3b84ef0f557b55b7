"""The status of an agreement noun: signed, planned, under negotiation, ratified, suspended,
terminated, in force, or only mentioned.

The status comes from the word that governs the agreement noun, found by walking up from the
noun through coordination ("agreements and memorandums"), "of" ("a package of agreements") and
prepositions ("withdrew from the treaty", "talks on a deal"), then read with the modality of
that word ("will soon sign" is planned). Choices:

- A negated, refused, requested or conditional act ("did not sign", "refused to ratify",
  "urged Iran to sign", "if they sign") leaves the agreement "mentioned", with the verb kept.
- A future or intended ratification, entry into force, implementation or extension ("will
  ratify", "will come into force") implies the agreement is already "signed"; a future
  suspension or withdrawal leaves it "mentioned".
- A draft ("the draft treaty") that is signed or only mentioned is "planned"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyadwatch.coding.modality import FACTUAL, NEGATED, is_requested, modality_of

SIGNED, PLANNED, NEGOTIATING = "signed", "planned", "under negotiation"
RATIFIED, SUSPENDED, TERMINATED = "ratified", "suspended", "terminated"
IN_FORCE, MENTIONED = "in force", "mentioned"
STATUSES = (SIGNED, PLANNED, NEGOTIATING, RATIFIED, SUSPENDED, TERMINATED, IN_FORCE, MENTIONED)

VERB_STATUS = {
    **dict.fromkeys(["sign", "ink", "conclude", "seal", "reach", "clinch", "strike", "adopt",
                     "approve", "endorse", "finalise", "finalize", "join", "accede", "cut",
                     "broker", "secure", "award", "win", "agree", "close", "countersign"],
                    SIGNED),
    **dict.fromkeys(["negotiate", "discuss", "draft", "prepare", "elaborate", "develop",
                     "debate", "propose", "offer", "seek", "consider", "examine"],
                    NEGOTIATING),
    "initial": PLANNED, "ratify": RATIFIED, "suspend": SUSPENDED, "freeze": SUSPENDED,
    **dict.fromkeys(["terminate", "cancel", "annul", "scrap", "exit", "quit", "abandon",
                     "renounce", "denounce", "revoke", "abrogate", "rescind", "end",
                     "repudiate"], TERMINATED),
    **dict.fromkeys(["implement", "extend", "prolong", "renew", "enforce", "honour", "honor",
                     "fulfil", "fulfill"], IN_FORCE),
}
# A verb and the prepositions between it and the noun: "withdrew from", "pulled out of".
PHRASAL_STATUS = {
    ("withdraw", "from"): TERMINATED, ("pull", "out of"): TERMINATED,
    ("exit", "from"): TERMINATED, ("walk", "away from"): TERMINATED,
    ("back", "out of"): TERMINATED, ("opt", "out of"): TERMINATED,
    ("work", "on"): NEGOTIATING, ("negotiate", "on"): NEGOTIATING,
    ("negotiate", "over"): NEGOTIATING, ("talk", "on"): NEGOTIATING,
    ("talk", "about"): NEGOTIATING, ("agree", "on"): SIGNED, ("agree", "upon"): SIGNED,
    ("sign", "up to"): SIGNED, ("sign", "on to"): SIGNED, ("accede", "to"): SIGNED,
    ("adhere", "to"): IN_FORCE, ("comply", "with"): IN_FORCE, ("abide", "by"): IN_FORCE,
}
# Nouns that decide the status of the agreement they govern: "talks on", "the signing of".
NOUN_STATUS = {
    **dict.fromkeys(["signing", "signature", "conclusion", "adoption", "approval"], SIGNED),
    **dict.fromkeys(["talk", "talks", "negotiation", "discussion", "preparation", "drafting",
                     "work", "consultation"], NEGOTIATING),
    "ratification": RATIFIED, "suspension": SUSPENDED,
    **dict.fromkeys(["termination", "withdrawal", "cancellation", "exit", "collapse",
                     "annulment", "abrogation"], TERMINATED),
    **dict.fromkeys(["implementation", "extension", "prolongation", "renewal"], IN_FORCE),
}
# What the agreement itself does when it is the subject: "came into force", "expired".
FORCE_WORDS = frozenset({"force", "effect", "operation"})
ENDING_VERBS = frozenset({"expire", "lapse", "collapse", "end"})
# Verbs whose infinitive is done, not planned: "managed to sign", "began to implement".
COMPLETION_VERBS = frozenset({"manage", "succeed", "begin", "start", "continue", "keep"})
PLANNING_NOUNS = frozenset({"possibility", "prospect", "plan", "intention", "readiness",
                            "proposal", "idea", "need", "necessity", "decision", "initiative"})
SCHEDULE_WORDS = frozenset({"expect", "schedule", "plan", "set", "due", "slate", "prepare"})

MAX_STEPS = 6  # parse steps from the noun up to the word that decides its status


@dataclass(frozen=True, slots=True)
class Status:
    """An agreement's status and the word that decided it (None when nothing did)."""

    status: str  # one of STATUSES
    word: Token | None


def _has_if(verb: Token) -> bool:
    """"if they sign", "would sign the deal if sanctions were lifted"."""
    clauses = [verb, *(c for c in verb.children if c.dep_ == "advcl")]
    return any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
               for c in clauses for m in c.children)


def _governing_noun(verb: Token) -> Token | None:
    """The noun a non-finite verb hangs from: "the possibility of signing", "talks on signing"."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.pos_ == "ADP":
        head = head.head
    return head if verb.dep_ in ("pcomp", "acl", "xcomp") and head != verb else None


def _is_planned(verb: Token, reading: str) -> bool:
    if reading != FACTUAL:
        return True
    governor = _governing_noun(verb)
    if governor is not None and governor.lemma_.lower() in PLANNING_NOUNS:
        return True
    # "is to be signed", "ready to sign", "met to sign" — but not "managed to sign".
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
        verb.head.lemma_.lower() not in COMPLETION_VERBS)


def _modal(verb: Token, base: str) -> str:
    """The status `base` as the governing word's modality leaves it."""
    if is_requested(verb) or _has_if(verb):
        return MENTIONED
    reading = modality_of(verb)
    if reading == NEGATED:
        return MENTIONED
    planned = _is_planned(verb, reading)
    if base == SIGNED:
        governor = _governing_noun(verb)
        if governor is not None and NOUN_STATUS.get(governor.lemma_.lower()) == NEGOTIATING:
            return NEGOTIATING  # "talks on signing a deal"
        return PLANNED if planned else SIGNED
    if base in (RATIFIED, IN_FORCE):
        return SIGNED if planned else base
    if base in (SUSPENDED, TERMINATED):
        return MENTIONED if planned else base
    return base


def _noun_status(noun: Token) -> str | None:
    base = NOUN_STATUS.get(noun.lemma_.lower()) or NOUN_STATUS.get(noun.lower_)
    if base not in (SIGNED, RATIFIED):
        return base
    # "the signing of the deal is expected next week"
    verb = noun.head
    scheduled = verb.lemma_.lower() in SCHEDULE_WORDS or any(
        c.dep_ in ("acomp", "xcomp") and c.lemma_.lower() in SCHEDULE_WORDS
        for c in verb.children)
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            scheduled or modality_of(verb) != FACTUAL):
        return PLANNED if base == SIGNED else SIGNED
    return base


def _verb_status(verb: Token, preps: str) -> Status | None:
    lemma = verb.lemma_.lower()
    base = PHRASAL_STATUS.get((lemma, preps)) if preps else VERB_STATUS.get(lemma)
    if base is None and preps == "of" and any(c.dep_ == "prt" for c in verb.children):
        particle = next(c.lower_ for c in verb.children if c.dep_ == "prt")
        base = PHRASAL_STATUS.get((lemma, f"{particle} of"))  # "pulled out of"
    if base is None:
        return None
    return Status(_modal(verb, base), verb)


def _subject_status(verb: Token) -> Status | None:
    """The agreement is the subject: "came into force", "is in force", "expired"."""
    lemma = verb.lemma_.lower()
    objects = [g for c in verb.children if c.dep_ in ("prep", "dobj", "acomp")
               for g in (c, *c.children) if g.lemma_.lower() in FORCE_WORDS]
    if objects and lemma in ("come", "enter", "take", "be", "remain", "stay", "go", "put"):
        return Status(_modal(verb, IN_FORCE), verb)
    if lemma in ENDING_VERBS and verb.tag_ in ("VBD", "VBN"):
        return Status(_modal(verb, TERMINATED), verb)
    return None


def _raised_status(verb: Token) -> Status | None:
    """"The agreement is to be signed", "the treaty is expected to be ratified": the passive
    infinitive below the agreement's own verb."""
    for clause in verb.children:
        if clause.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in clause.children):
            return _verb_status(clause, "")
    return None


def _prepositions(pobj: Token) -> tuple[str, Token]:
    """The prepositions above a prepositional object and the word they hang from:
    "out of" and "pulled" for "pulled out of the deal"."""
    words: list[str] = []
    token = pobj.head
    if not (token.dep_ in ("prep", "prt") or token.pos_ == "ADP"):
        return "", token
    while token.dep_ in ("prep", "prt") or token.pos_ == "ADP":
        words.insert(0, token.lower_)
        if token.head == token or token.head.pos_ not in ("ADP", "ADV") or token.dep_ == "prt":
            break
        token = token.head
    return " ".join(words), token.head


def _walk(noun: Token) -> Status | None:
    """Walk up from the agreement noun to the word that decides its status."""
    token = noun
    for _ in range(MAX_STEPS):
        dep = token.dep_
        if dep in ("conj", "appos") and token.head.pos_ in ("NOUN", "PROPN"):
            token = token.head
        elif dep in ("dobj", "nsubjpass", "obj", "dative"):
            return _verb_status(token.head, "") or _raised_status(token.head)
        elif dep in ("nsubj", "attr"):
            return _subject_status(token.head) or _raised_status(token.head)
        elif dep == "pobj":
            preps, governor = _prepositions(token)
            if governor.pos_ in ("VERB", "AUX"):
                return _verb_status(governor, preps)
            status = _noun_status(governor)
            if status is not None:
                return Status(status, governor)
            if preps != "of":
                return None
            token = governor  # "signed a package of agreements"
        else:
            return None
    return None


def _clause_status(noun: Token) -> Status | None:
    """A participle or relative clause on the noun: "the agreement signed in 2016", "the
    deal to be signed", "the treaty, which came into force"."""
    for clause in noun.children:
        if clause.dep_ not in ("acl", "relcl") or clause.pos_ not in ("VERB", "AUX"):
            continue
        relative_subject = any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP")
                               for c in clause.children)
        found = _subject_status(clause) if relative_subject else _verb_status(clause, "")
        if found is not None:
            return found
    return None


def status_of(noun: Token) -> Status:
    """The status of the agreement noun `noun`, "mentioned" when no word decides it."""
    found = _walk(noun) or _clause_status(noun) or Status(MENTIONED, None)
    draft = any(c.lower_ == "draft" and c.dep_ in ("amod", "compound") for c in noun.children)
    if draft and found.status in (SIGNED, MENTIONED):
        return Status(PLANNED, found.word)
    return found
