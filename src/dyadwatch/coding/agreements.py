"""The agreements register: every agreement, treaty, memorandum, programme, plan, contract,
deal, document, accord, protocol, roadmap, declaration or convention a sentence mentions, with
what it is about, how many, the period it covers and what became of it (its status is
coding.agreement_status's). Choices the register makes:

- "plan" and "programme" count only as cooperation plans ("action plan", "programme of
  cooperation"), in a name ("the Joint Comprehensive Plan of Action") or when signed, adopted,
  ratified...; "a plan to attack" and "its nuclear programme" do not. "document" counts only
  when something other than a mention is said of it ("signed 12 documents"). "pact" is
  registered as an agreement, "MoU" as a memorandum.
- The count is of the agreements; when they are not counted and the noun is plural, the count
  of the signatories ("around 40 Russian regions have signed agreements").
- "a plan for 2017" covers 2017 to 2017; "until 2025" has an end only. A year before the
  noun ("the 2015 deal") dates the agreement and is not a period; a range ("2017-2019 plan")
  is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyadwatch.coding.agreement_status import (
    MENTIONED,
    NEGOTIATING,
    Status,
    status_of,
)
from dyadwatch.coding.quantities import COUNT, PEOPLE, Quantity, find_quantities

__all__ = ["AgreementMention", "find_agreements"]

KINDS = ("agreement", "treaty", "memorandum", "programme", "plan", "contract", "deal",
         "document", "accord", "protocol", "roadmap", "declaration", "convention")
KIND_OF = {**{k: k for k in KINDS}, "memoranda": "memorandum", "memorandums": "memorandum",
           "mou": "memorandum", "mous": "memorandum", "program": "programme",
           "pact": "agreement"}

# Plans and programmes that are cooperation between parties.
PLAN_MARKERS = frozenset({"cooperation", "action", "work", "partnership", "exchange",
                          "consultation", "activity", "event", "interaction", "collaboration",
                          "implementation", "measure", "joint", "bilateral", "intergovernmental"})
NOT_AGREEMENT_PROGRAMMES = frozenset({"nuclear", "missile", "weapon", "weapons", "space",
                                      "enrichment", "ballistic", "chemical", "biological",
                                      "rocket", "drone", "television", "tv", "radio"})
NOT_DECLARED = frozenset({"war", "independence", "emergency", "bankruptcy", "martial"})
NOT_CONVENTIONS = frozenset({"party", "democratic", "republican", "nominating"})
# Modifiers that say nothing of what an agreement is about.
GENERIC_MODIFIERS = frozenset({
    "bilateral", "trilateral", "multilateral", "new", "intergovernmental", "interstate",
    "interagency", "several", "various", "many", "important", "historic", "landmark",
    "relevant", "draft", "final", "major", "key", "further", "additional", "other", "such",
    "same", "first", "last", "previous", "existing", "current", "old", "signed", "joint",
    "corresponding", "respective", "appropriate", "separate", "whole", "entire", "numerous",
    "number", "package", "total", "different", "mutual", "earlier", "later", "recent",
    "latest", "past", "future", "possible", "potential", "big", "large", "huge", "lucrative",
    "long", "short", "controversial", "much", "long-awaited", "so-called", "fresh", "bad",
    "good", "great", "better", "best", "worst", "fair", "pivotal", "global"})
SUBJECT_PREPS = frozenset({"on", "about", "regarding", "concerning", "over", "for", "of", "in"})
SPHERE_NOUNS = frozenset({"field", "sphere", "area", "domain", "sector", "realm"})
SKIPPED_OF = frozenset({"understanding", "intent", "intention"})
# "the agreement of the two countries" names the parties, not the subject.
PARTY_NOUNS = frozenset({"country", "side", "party", "state", "government", "nation",
                         "region", "ministry", "company", "republic", "leader", "president"})
# Verbs of a relative clause that say what the agreement is about.
CONTENT_VERBS = frozenset({"envisage", "provide", "cover", "concern", "regulate", "stipulate",
                           "aim", "deal", "relate", "govern", "define", "include", "focus",
                           "foresee", "target", "address", "outline", "envision"})
# "... at the 7th forum", "during the visit": the occasion of signing, not the subject.
OCCASION_PREPS = frozenset({"at", "during", "after", "before", "amid", "since"})
PERIOD_PREPS = frozenset({"for", "until", "till", "through", "to", "up"})
YEAR = r"(?:19|20)\d\d"
YEAR_SPAN = re.compile(rf"\b({YEAR})(?:\s*(?:-|–|—|/|to|and|through)\s*({YEAR}|\d\d)\b)?")
OPEN_START = re.compile(r"\b(?:until|till|through|up to|to)\b")


@dataclass(frozen=True, slots=True)
class AgreementMention:
    """One agreement noun of a sentence; offsets and indices are into the whole Doc."""

    kind: str  # one of KINDS
    subject: str  # what it is about, as written, "" if unsaid
    count: Quantity | None  # how many (or how many signed), None if uncounted
    period_start: str  # "2017", "" if none
    period_end: str
    status: str  # one of STATUSES
    verb: str  # lemma of the word that decided the status, "" if none
    evidence: str  # the sentence
    start: int  # char offsets of the agreement noun phrase
    end: int
    noun: int  # token index of the agreement noun
    verb_index: int  # token index of the status word, -1 if none


def _kind(token: Token) -> str | None:
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
        return None
    if token.lower_ in ("map", "maps") and any(
            c.dep_ == "compound" and c.lower_ == "road" for c in token.children):
        return "roadmap"
    return KIND_OF.get(token.lemma_.lower()) or KIND_OF.get(token.lower_)


# --- period ---------------------------------------------------------------------------------

def _years(text: str, *, open_start: bool) -> tuple[str, str] | None:
    """"2017" -> (2017, 2017); "2017-2019", "2017–19" -> (2017, 2019); "until 2025" ->
    ("", 2025)."""
    match = YEAR_SPAN.search(text)
    if match is None:
        return None
    first, second = match.group(1), match.group(2)
    if second:
        return first, second if len(second) == 4 else first[:2] + second
    if open_start or OPEN_START.search(text[:match.start()]):
        return "", first
    return first, first


def _is_period_prep(prep: Token) -> bool:
    return prep.dep_ == "prep" and prep.lower_ in PERIOD_PREPS and YEAR_SPAN.search(
        "".join(t.text_with_ws for t in prep.subtree)) is not None


def _period_preps(noun: Token, word: Token | None) -> list[Token]:
    """"for 2017-2019" on the noun, inside what it is about, or on the signing verb."""
    holders = [noun, *(p for c in noun.children if c.dep_ == "prep" for p in c.children)]
    if word is not None:  # "signed a plan for 2017", "will hold talks on a deal for 2021-2025"
        holders.append(word if word.pos_ in ("VERB", "AUX") else word.head)
    return [c for h in holders for c in h.children if _is_period_prep(c)]


def _period(noun: Token, word: Token | None) -> tuple[str, str]:
    for modifier in noun.lefts:  # "the 2017-2019 programme"; not "the 2015 deal"
        text = "".join(t.text_with_ws for t in modifier.subtree)
        found = _years(text, open_start=False)
        if found is not None and found[0] != found[1]:
            return found
    for prep in _period_preps(noun, word):
        text = "".join(t.text_with_ws for t in prep.subtree)
        found = _years(text, open_start=prep.lower_ != "for")
        if found is not None:
            return found
    return "", ""


# --- subject -------------------------------------------------------------------------------

def _text(tokens: list[Token]) -> str:
    """The words from the first kept token to the last, without edge articles and commas."""
    while tokens and (tokens[0].pos_ in ("DET", "PUNCT", "ADP", "CCONJ", "PART")):
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ in ("PUNCT", "CCONJ", "DET", "ADP"):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i:tokens[-1].i + 1].text


def _phrase(head: Token, after: int = -1) -> str:
    """`head`'s phrase (or the part of it after token `after`), stopping before a period
    ("cooperation in culture for 2017-2019") or a relative clause."""
    cut = {t.i for c in head.subtree if c != head and (
        _is_period_prep(c) or c.dep_ in ("relcl", "appos") or (
            c.dep_ == "prep" and c.lower_ in OCCASION_PREPS)) for t in c.subtree}
    kept: list[Token] = []
    for token in head.subtree:
        if token.i <= after:
            continue
        if token.i in cut:
            break
        kept.append(token)
    return _text(kept)


def _is_about(prep: Token) -> bool:
    """A preposition that can say what an agreement is about: "on", "for"..., and "in" only
    before a sphere ("in the field of culture"), not a place ("in Istanbul")."""
    if prep.lower_ not in SUBJECT_PREPS or _is_period_prep(prep):
        return False
    return prep.lower_ != "in" or any(c.lemma_.lower() in SPHERE_NOUNS for c in prep.children)


def _prep_subject(holder: Token, *, on_verb: bool, after: int = -1) -> str:
    """What the prepositions on `holder` (the noun, or the verb with `on_verb`) say the
    agreement is about; only those after token `after`."""
    for prep in holder.children:
        if prep.i <= after or prep.dep_ != "prep" or not _is_about(prep):
            continue
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None or pobj.ent_type_ in ("DATE", "NORP"):
            continue
        word, lemma = prep.lower_, pobj.lemma_.lower()
        if word in ("of", "for") and (lemma in PARTY_NOUNS
                                      or pobj.ent_type_ in ("ORG", "PERSON", "GPE")):
            continue
        if word == "of" and lemma in SKIPPED_OF:
            nested = _prep_subject(pobj, on_verb=False)  # "memorandum of understanding on X"
            if nested:
                return nested
            continue
        if not on_verb or word in ("on", "about", "regarding", "concerning", "in"):
            return _phrase(pobj)
    return ""


def _clause_subject(noun: Token, after: int = -1) -> str:
    """"12 documents that envisage cooperation in ...", "an agreement to cooperate in energy",
    "a memorandum setting up an association"."""
    for clause in noun.children:
        if clause.i <= after or clause.dep_ not in ("relcl", "acl"):
            continue
        if clause.lemma_.lower() in CONTENT_VERBS:
            return _phrase(clause, after=clause.i)
        if clause.dep_ == "acl" and (clause.tag_ == "VBG" or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)):
            return _phrase(clause, after=clause.i - 1)
    return ""


def _modifier_subject(noun: Token) -> str:
    """"military cooperation plan" -> "military cooperation"; no parties, years, generic
    adjectives ("bilateral") or articles."""
    kept: list[Token] = []
    for modifier in noun.lefts:
        if modifier.dep_ not in ("compound", "amod", "nmod") or modifier.lower_ in (
                GENERIC_MODIFIERS) or modifier.tag_ in ("JJR", "JJS", "VBN", "VBG") or (
                modifier.ent_type_ in ("GPE", "NORP", "DATE", "CARDINAL")):
            continue
        if modifier.lower_ != "road":  # "road map" is a roadmap about nothing yet
            kept.extend(t for t in modifier.subtree
                        if t.ent_type_ not in ("GPE", "NORP", "DATE"))
    return _text(sorted(kept, key=lambda t: t.i))


def _subject(noun: Token, word: Token | None) -> str:
    anchor = noun
    while anchor.dep_ == "conj" and anchor.head != anchor:  # "agreements and memorandums"
        anchor = anchor.head
    on_verb = word is not None and word.pos_ in ("VERB", "AUX") and anchor.head == word
    shared = anchor != noun and (_prep_subject(anchor, on_verb=False, after=noun.i)
                                 or _clause_subject(anchor, after=noun.i))
    return (_prep_subject(noun, on_verb=False) or _clause_subject(noun)
            or (_prep_subject(word, on_verb=True) if on_verb and word is not None else "")
            or _modifier_subject(noun) or shared or "")


# --- which nouns are agreements ------------------------------------------------------------

def _children_lemmas(noun: Token) -> set[str]:
    return {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}


def _of_objects(noun: Token) -> set[str]:
    return {g.lemma_.lower() for c in noun.children if c.dep_ == "prep"
            and c.lower_ in ("of", "for", "on") for g in c.children if g.dep_ == "pobj"}


def _is_cooperation_plan(noun: Token, found: Status) -> bool:
    """"action plan", "programme of cooperation", "the Joint Comprehensive Plan of Action",
    or a plan signed/adopted; not "a plan to attack" nor "its nuclear programme"."""
    modifiers = _children_lemmas(noun)
    if modifiers & NOT_AGREEMENT_PROGRAMMES:
        return False
    if found.word is not None and found.status not in (MENTIONED, NEGOTIATING):
        return True
    intention = any(c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children)
                    for c in noun.children)
    named = noun.text[0].isupper() and noun.i != noun.sent.start
    return not intention and (named or bool((modifiers | _of_objects(noun)) & PLAN_MARKERS))


def _is_agreement(noun: Token, kind: str, found: Status) -> bool:
    modifiers = _children_lemmas(noun)
    if kind in ("plan", "programme"):
        return _is_cooperation_plan(noun, found)
    if kind == "document":
        return found.status != MENTIONED
    if kind == "deal":  # "a great deal of"
        return not (modifiers & {"great", "good"} and found.word is None)
    if kind == "accord":  # "of its own accord", "in accord with"
        return "own" not in modifiers and not (noun.head.lower_ == "in" and any(
            c.lower_ == "with" for c in noun.children))
    if kind == "declaration":
        return not _of_objects(noun) & NOT_DECLARED
    if kind == "convention":
        return not modifiers & NOT_CONVENTIONS
    if kind == "agreement" and noun.tag_ == "NN":  # "in agreement with", "by agreement"
        return not (noun.head.lower_ in ("in", "by") and not any(
            c.dep_ in ("det", "poss", "amod", "compound") for c in noun.children))
    return True


# --- count, span, assembly ----------------------------------------------------------------

def _count(noun: Token, found: Status, quantities: list[Quantity]) -> Quantity | None:
    """How many agreements; for uncounted plural agreements, how many signed them."""
    own = next((q for q in quantities if q.head == noun.i and q.kind == COUNT), None)
    if own is not None or noun.tag_ not in ("NNS", "NNPS") or found.word is None:
        return own
    verb = found.word
    parties = [c for c in verb.children if c.dep_ == "nsubj"]
    parties += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    heads = {p.i for p in parties}
    return next((q for q in quantities if q.head in heads and q.kind in (COUNT, PEOPLE)), None)


def _offsets(noun: Token) -> tuple[int, int]:
    """The noun phrase: its left modifiers, the noun, and its about/period phrases."""
    first, last = noun, noun
    for child in noun.lefts:
        if child.dep_ != "punct" and child.left_edge.i < first.i:
            first = child.left_edge
    for child in noun.rights:
        if child.dep_ == "prep" and (_is_about(child) or _is_period_prep(child)):
            last = child.right_edge
    while last.i > noun.i and last.pos_ == "PUNCT":
        last = last.nbor(-1)
    return first.idx, last.idx + len(last.text)


def find_agreements(sent: Span) -> list[AgreementMention]:
    """Every agreement noun of the sentence, left to right, coordinated nouns one each."""
    quantities = find_quantities(sent)
    found_all: list[AgreementMention] = []
    for noun in sent:
        kind = _kind(noun)
        if kind is None:
            continue
        found = status_of(noun)
        if not _is_agreement(noun, kind, found):
            continue
        period_start, period_end = _period(noun, found.word)
        start, end = _offsets(noun)
        word = found.word
        found_all.append(AgreementMention(
            kind, _subject(noun, word), _count(noun, found, quantities), period_start,
            period_end, found.status, word.lemma_.lower() if word is not None else "",
            sent.text, start, end, noun.i, word.i if word is not None else -1))
    return found_all
